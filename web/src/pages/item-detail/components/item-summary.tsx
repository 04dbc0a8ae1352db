import { Descriptions, Tag } from 'antd';
import { RuleTag } from '../../../components/tags';
import { useIntl } from '../../../locales';
import { CHANNELS, LEGITIMATE_REASONS, nameOf, RESOLUTIONS } from '../../../locales/dictionary';
import type { ProblemItem } from '../../../services/types';

/** The item's facts: its policy, where it sells, who has it, the dates that count. */
export function ItemSummary({ item }: { item: ProblemItem }) {
  const { t, short } = useIntl();
  const items = [
    { key: 'policyNo', label: t('items.policyNo'), children: item.policyNo },
    { key: 'rule', label: t('items.rule'), children: <RuleTag rule={item.rule} /> },
    { key: 'channel', label: t('items.channel'), children: nameOf(CHANNELS, item.channel, short) },
    { key: 'branch', label: t('items.branch'), children: item.branchCode ?? '—' },
    { key: 'agent', label: t('items.agent'), children: item.agentCode ?? '—' },
    { key: 'assignee', label: t('items.assignee'), children: item.assignee?.displayName ?? t('items.unassigned') },
    { key: 'detectedOn', label: t('items.detectedOn'), children: item.detectedOn },
    { key: 'distributedOn', label: t('detail.distributedOn'), children: item.distributedOn ?? '—' },
    { key: 'dueOn', label: t('items.dueOn'), children: item.dueOn },
    { key: 'coolingOff', label: t('detail.coolingOffEndsOn'), children: item.coolingOffEndsOn ?? '—' },
    {
      key: 'escalatedOn',
      label: t('detail.escalatedOn'),
      children: item.escalatedOn ? <Tag color="error">{item.escalatedOn}</Tag> : '—',
    },
    {
      key: 'resolution',
      label: t('detail.resolution'),
      children: item.resolution
        ? `${nameOf(RESOLUTIONS, item.resolution, short)}${item.legitimateReason ? `（${nameOf(LEGITIMATE_REASONS, item.legitimateReason, short)}）` : ''}`
        : '—',
    },
    { key: 'linkId', label: t('detail.linkId'), children: <code>{item.linkId}</code> },
    {
      key: 'compliance',
      label: t('detail.complianceReview'),
      children: item.complianceReview ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no'),
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
