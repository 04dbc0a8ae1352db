import { Empty, Tag, Timeline, Typography } from 'antd';
import { useIntl } from '../../../locales';
import { CUSTOMER_FIELDS, GENDERS, nameOf, PARTY_ROLES } from '../../../locales/dictionary';
import type { ContactVersion, MaskedValues } from '../../../services/types';
import { chinaTime } from '../../../utils/dates';

function shown(values: MaskedValues, field: keyof MaskedValues, lang: 'zh' | 'en'): string {
  if (field === 'gender') return nameOf(GENDERS, values.gender, lang);
  const value = values[field];
  if (Array.isArray(value)) return value.length > 0 ? value.join('、') : '—';
  return value ?? '—';
}

/** The customer's versions in the reader's scope, newest first: when, which policy, what changed (masked). */
export function ContactHistory({ history }: { history: ContactVersion[] }) {
  const { t, short } = useIntl();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noHistory')} />;
  return (
    <Timeline
      items={history.map((v) => ({
        key: `${v.version}-${v.submissionId}`,
        color: v.changed.length === 0 ? 'gray' : 'blue',
        content: (
          <div>
            <Typography.Text type="secondary">{chinaTime(v.recordedAt)}</Typography.Text>
            <div>
              <Tag>{t('customer.version', { version: v.version })}</Tag>
              <Typography.Text strong>{v.policyNo}</Typography.Text>
              <Typography.Text type="secondary" className="vc-tag-gap">
                {nameOf(PARTY_ROLES, v.role, short)} · {t('customer.submission', { id: v.submissionId })}
              </Typography.Text>
            </div>
            {v.changed.length === 0 ? (
              <Typography.Text type="secondary">{t('customer.firstRecord')}</Typography.Text>
            ) : (
              <ul className="vc-changes">
                {v.changed.map((field) => (
                  <li key={field}>
                    {nameOf(CUSTOMER_FIELDS, field, short)}
                    <span className="vc-change">{shown(v.values, field, short)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
