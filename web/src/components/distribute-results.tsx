import { Alert, Table } from 'antd';
import { useIntl } from '../locales';
import type { DistributeResult } from '../services/types';

/** What a distribution did, item by item: the assignee, or why no one could be found. */
export function DistributeResults({ results }: { results: DistributeResult[] }) {
  const { t, pick } = useIntl();
  const done = results.filter((r) => !r.error).length;
  const failed = results.length - done;
  return (
    <div>
      <Alert
        type={failed === 0 ? 'success' : done === 0 ? 'error' : 'warning'}
        showIcon
        title={t('distribute.summary', { done, failed })}
        className="vc-gap-bottom"
      />
      <Table<DistributeResult>
        size="small"
        rowKey="itemNo"
        pagination={results.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={results}
        columns={[
          { title: t('items.itemNo'), dataIndex: 'itemNo' },
          {
            title: t('items.assignee'),
            render: (_, r) =>
              r.error ? <span className="vc-text-error">{pick(r.error)}</span> : r.assignee?.displayName,
          },
        ]}
      />
    </div>
  );
}
