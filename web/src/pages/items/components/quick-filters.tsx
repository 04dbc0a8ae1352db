import { Space, Tag } from 'antd';
import { useIntl } from '../../../locales';
import type { ListState } from '../query';

/** One-click filters for the day's work: mine, due today, overdue, escalated. */
export function QuickFilters({
  filter,
  onChange,
}: {
  filter: ListState['filter'];
  onChange: (next: Partial<ListState['filter']>) => void;
}) {
  const { t } = useIntl();
  const toggles = [
    {
      key: 'mine',
      label: t('items.quick.mine'),
      on: filter.assignee === 'me',
      set: (on: boolean) => ({ assignee: on ? 'me' : undefined }),
    },
    {
      key: 'dueToday',
      label: t('items.quick.dueToday'),
      on: filter.dueToday === true,
      set: (on: boolean) => ({ dueToday: on || undefined }),
    },
    {
      key: 'overdue',
      label: t('items.quick.overdue'),
      on: filter.overdue === true,
      set: (on: boolean) => ({ overdue: on || undefined }),
    },
    {
      key: 'escalated',
      label: t('items.quick.escalated'),
      on: filter.escalated === true,
      set: (on: boolean) => ({ escalated: on || undefined }),
    },
  ];
  return (
    <Space size={4} wrap className="vc-quick-filters" role="group" aria-label={t('items.quick.label')}>
      <span className="vc-quick-label">{t('items.quick.label')}</span>
      {toggles.map((toggle) => (
        <Tag.CheckableTag key={toggle.key} checked={toggle.on} onChange={(on) => onChange(toggle.set(on))}>
          {toggle.label}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}
