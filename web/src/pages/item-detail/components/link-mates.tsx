import { Table } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/tags';
import { useIntl } from '../../../locales';
import type { ItemDetail } from '../../../services/types';

type Mate = NonNullable<ItemDetail['linkMates']>[number];

/** The other items of the same link: they travel together (distributed as one). */
export function LinkMates({ mates }: { mates: Mate[] }) {
  const { t } = useIntl();
  return (
    <Table<Mate>
      size="small"
      rowKey="itemNo"
      pagination={false}
      dataSource={mates}
      locale={{ emptyText: t('detail.noMates') }}
      columns={[
        {
          title: t('items.itemNo'),
          dataIndex: 'itemNo',
          render: (itemNo: string) => <Link to={`/items/${encodeURIComponent(itemNo)}`}>{itemNo}</Link>,
        },
        { title: t('items.policyNo'), dataIndex: 'policyNo' },
        { title: t('items.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('items.assignee'), render: (_, m) => m.assignee?.displayName ?? t('items.unassigned') },
      ]}
    />
  );
}
