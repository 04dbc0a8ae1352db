import { Steps } from 'antd';
import { useIntl } from '../../../locales';
import { ITEM_STATUSES } from '../../../locales/dictionary';

const ORDER = ['open', 'distributed', 'investigating', 'submitted', 'closed'] as const;

/** Where the item stands: 待分发 → 已分发 → 调查中 → 待核实 → 已结案; a return goes back to 调查中. */
export function WorkflowSteps({ status }: { status: string }) {
  const { t, short } = useIntl();
  const returned = status === 'returned';
  const current = returned ? 2 : Math.max(0, ORDER.indexOf(status as (typeof ORDER)[number]));
  return (
    <Steps
      size="small"
      current={current}
      status={returned ? 'error' : status === 'closed' ? 'finish' : 'process'}
      items={ORDER.map((s, index) => ({
        title: returned && index === 2 ? ITEM_STATUSES.returned[short] : ITEM_STATUSES[s][short],
        content: returned && index === 2 ? t('detail.returnedHint') : undefined,
      }))}
    />
  );
}
