import { Empty, Timeline, Typography } from 'antd';
import { useIntl } from '../../../locales';
import {
  ASSIGNED_BY,
  type Bilingual,
  COMPLIANCE_ACTIONS,
  CUSTOMER_FIELDS,
  EVIDENCE_KINDS,
  HISTORY_ACTIONS,
  ITEM_STATUSES,
  LEGITIMATE_REASONS,
  nameOf,
  PARTY_ROLES,
  RESOLUTIONS,
  SCAN_RULES,
} from '../../../locales/dictionary';
import type { TimelineEntry } from '../../../services/types';
import { chinaTime } from '../../../utils/dates';

/** The codes a line's note may hold (an evidence kind, the fields corrected, a resolution and its reason, …). */
const NOTE_CODES: Record<string, Bilingual> = {
  ...EVIDENCE_KINDS,
  ...CUSTOMER_FIELDS,
  ...RESOLUTIONS,
  ...LEGITIMATE_REASONS,
  ...COMPLIANCE_ACTIONS,
  ...SCAN_RULES,
  ...ASSIGNED_BY,
  ...PARTY_ROLES,
};

/** A line's note (codes and counts, never personal) in words. */
function useNoteText() {
  const { t, short } = useIntl();
  return (action: string, note: string | null | undefined): string | null => {
    if (!note) return null;
    const rule = /^rule:(\d+)$/.exec(note);
    if (rule) return t('timeline.byRule', { id: rule[1] ?? '' });
    const notified = /^notified:(\d+)$/.exec(note);
    if (notified) return t('timeline.notified', { count: notified[1] ?? '' });
    if (action === 'link_grew' && /^\d+$/.test(note)) return t('timeline.related', { count: note });
    // `applicant.phones[0]`: a field path, named part by part.
    const name = (code: string) =>
      code
        .split('.')
        .map((part) => nameOf(NOTE_CODES, part.replace(/\[\d+\]$/, ''), short))
        .join(' · ');
    return note.split(/[,:]/).map(name).join('、');
  };
}

const COLORS: Record<string, string> = {
  detected: 'blue',
  returned: 'red',
  return: 'red',
  escalated: 'red',
  correction_rejected: 'red',
  correction_refused: 'red',
  accepted: 'green',
  accept: 'green',
  closed: 'green',
};

/** Every step on the item, oldest first (P5.13: each step is a line here and an audit event). */
export function ItemTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, short } = useIntl();
  const noteText = useNoteText();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTimeline')} />;
  return (
    <Timeline
      className="vc-timeline"
      items={entries.map((entry, index) => {
        const note = noteText(entry.action, entry.note);
        const detail = entry.detail;
        const moved = entry.fromStatus && entry.fromStatus !== entry.toStatus;
        return {
          key: `${entry.at}-${index}`,
          color: COLORS[entry.action] ?? (entry.toStatus === 'closed' ? 'green' : 'blue'),
          title: chinaTime(entry.at),
          content: (
            <div className="vc-timeline-entry">
              <div>
                <Typography.Text strong>{nameOf(HISTORY_ACTIONS, entry.action, short)}</Typography.Text>
                <Typography.Text type="secondary" className="vc-timeline-actor">
                  {entry.actor === 'scan'
                    ? t('detail.actorScan')
                    : entry.actor === 'veracity'
                      ? t('detail.actorSystem')
                      : entry.actor}
                </Typography.Text>
              </div>
              {note && <div className="vc-timeline-note">{note}</div>}
              {moved && (
                <Typography.Text type="secondary">
                  {nameOf(ITEM_STATUSES, entry.fromStatus, short)} → {nameOf(ITEM_STATUSES, entry.toStatus, short)}
                </Typography.Text>
              )}
              {detail && <div className="vc-timeline-detail">{detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
