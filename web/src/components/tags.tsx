import { Tag, Tooltip } from 'antd';
import { useIntl } from '../locales';
import { ITEM_STATUSES, nameOf, RULE_COLORS, SCAN_RULES, STATUS_COLORS } from '../locales/dictionary';
import type { ProblemItem } from '../services/types';

export function StatusTag({ status }: { status: string }) {
  const { short } = useIntl();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{nameOf(ITEM_STATUSES, status, short)}</Tag>;
}

export function RuleTag({ rule }: { rule: string }) {
  const { short } = useIntl();
  return (
    <Tag color={RULE_COLORS[rule] ?? 'default'} variant="outlined">
      {nameOf(SCAN_RULES, rule, short)}
    </Tag>
  );
}

/** P5.13: overdue items in red, items due today in orange; both shown first in the list. */
export function DueTags({ item, today }: { item: Pick<ProblemItem, 'dueOn' | 'overdue' | 'status'>; today: string }) {
  const { t } = useIntl();
  const closed = item.status === 'closed' || item.status === 'submitted';
  const overdue = item.overdue ?? (!closed && item.dueOn < today);
  if (overdue) return <Tag color="error">{t('item.overdue')}</Tag>;
  if (!closed && item.dueOn === today) return <Tag color="warning">{t('item.dueToday')}</Tag>;
  return null;
}

/** 缓发手续费: the policy's commission is held while the item is open. */
export function HoldTag({ hold }: { hold: boolean | undefined }) {
  const { t } = useIntl();
  if (!hold) return null;
  return (
    <Tooltip title={t('item.commissionHoldHelp')}>
      <Tag color="purple">{t('item.commissionHold')}</Tag>
    </Tooltip>
  );
}
