import { ExportOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableProps, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiResult } from '../../components/api-result';
import { DistributeResults } from '../../components/distribute-results';
import { useNotify } from '../../components/notify';
import { PageContainer } from '../../components/page-container';
import { DueTags, HoldTag, RuleTag, StatusTag } from '../../components/tags';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import { CHANNELS, nameOf } from '../../locales/dictionary';
import { distributeItems, exportItems, listItems } from '../../services/items';
import type { ProblemItem } from '../../services/types';
import { useSession } from '../../session';
import { chinaToday } from '../../utils/dates';
import { FilterForm } from './components/filter-form';
import { QuickFilters } from './components/quick-filters';
import { type ListState, PAGE_SIZES, readListState, toItemQuery, writeListState } from './query';

/**
 * 问题件: the day's list. Everything is done by the server (filter, sort, count, one page), so it
 * stays fast at 100,000 items; the address holds the state.
 */
export default function ItemsPage() {
  const { t, short } = useIntl();
  const { may } = useSession();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const query = useMemo(() => toItemQuery(state), [state]);
  const page = useApi((signal) => listItems(query, signal), [JSON.stringify(query)]);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const today = chinaToday();
  const canDistribute = may('items.distribute');
  const canExport = may('items.export');

  const update = (next: Partial<ListState>) => {
    setParams(writeListState({ ...state, ...next }));
    setSelected([]);
  };
  const updateFilter = (filter: Partial<ListState['filter']>) =>
    update({ filter: { ...state.filter, ...filter }, page: 1 });

  const onTableChange: TableProps<ProblemItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = sorter as SorterResult<ProblemItem>;
      const field = typeof s.field === 'string' ? s.field : undefined;
      const sort = s.order && (field === 'dueOn' || field === 'detectedOn' || field === 'itemNo') ? field : 'dueOn';
      update({ sort, order: s.order === 'descend' ? 'desc' : 'asc', page: 1 });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? state.pageSize });
  };

  const sortOrder = (field: ListState['sort']) =>
    state.sort === field ? (state.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const distribute = () => {
    const itemNos = [...selected];
    modal.confirm({
      title: t('distribute.confirmTitle'),
      content: t('distribute.confirmBulk', { count: itemNos.length }),
      okText: t('action.distribute'),
      onOk: async () => {
        try {
          const { results } = await distributeItems(itemNos);
          modal.info({
            title: t('distribute.resultTitle'),
            width: 640,
            content: <DistributeResults results={results} />,
          });
          setSelected([]);
          page.reload();
        } catch (error) {
          notify.error(error);
        }
      },
    });
  };

  const exportAll = async () => {
    setBusy(true);
    try {
      const { limit: _limit, offset: _offset, ...filters } = query;
      const name = await exportItems(filters);
      notify.success(t('items.exported', { name }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<ProblemItem>['columns'] = [
    {
      title: t('items.itemNo'),
      dataIndex: 'itemNo',
      fixed: 'left',
      width: 168,
      sorter: true,
      sortOrder: sortOrder('itemNo'),
      render: (itemNo: string) => <Link to={`/items/${encodeURIComponent(itemNo)}`}>{itemNo}</Link>,
    },
    {
      title: t('items.rule'),
      dataIndex: 'rule',
      width: short === 'en' ? 220 : 170,
      render: (rule: string) => <RuleTag rule={rule} />,
    },
    {
      title: t('items.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string) => <StatusTag status={status} />,
    },
    {
      title: t('items.dueOn'),
      dataIndex: 'dueOn',
      width: 180,
      sorter: true,
      sortOrder: sortOrder('dueOn'),
      render: (dueOn: string, item) => (
        <Space size={4}>
          <span>{dueOn}</span>
          <DueTags item={item} today={today} />
        </Space>
      ),
    },
    { title: t('items.policyNo'), dataIndex: 'policyNo', width: 150 },
    {
      title: t('items.channel'),
      dataIndex: 'channel',
      width: short === 'en' ? 130 : 100,
      render: (channel: string | null) => nameOf(CHANNELS, channel, short),
    },
    { title: t('items.branch'), dataIndex: 'branchCode', width: 100, render: (v: string | null) => v ?? '—' },
    { title: t('items.agent'), dataIndex: 'agentCode', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('items.assignee'),
      dataIndex: 'assignee',
      width: 110,
      render: (_, item) =>
        item.assignee?.displayName ?? <Typography.Text type="secondary">{t('items.unassigned')}</Typography.Text>,
    },
    {
      title: t('items.detectedOn'),
      dataIndex: 'detectedOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('detectedOn'),
    },
    {
      title: t('items.related'),
      dataIndex: 'relatedPolicyNos',
      width: 90,
      align: 'right',
      render: (related: string[]) => (
        <Tooltip title={related.join('、')}>
          <span>{related.length}</span>
        </Tooltip>
      ),
    },
    { title: t('items.flags'), width: 100, render: (_, item) => <HoldTag hold={item.commissionHold} /> },
  ];

  return (
    <PageContainer
      crumbs={[{ title: t('menu.items') }]}
      title={t('menu.items')}
      extra={
        canExport && (
          <Button icon={<ExportOutlined />} onClick={exportAll} loading={busy}>
            {t('items.export')}
          </Button>
        )
      }
    >
      <Card className="vc-gap-bottom">
        <FilterForm filter={state.filter} onSearch={updateFilter} />
      </Card>
      <Card>
        <div className="vc-table-toolbar">
          <QuickFilters filter={state.filter} onChange={updateFilter} />
          {canDistribute && (
            <Space>
              {selected.length > 0 && (
                <Typography.Text type="secondary">{t('items.selected', { count: selected.length })}</Typography.Text>
              )}
              <Button type="primary" icon={<SendOutlined />} disabled={selected.length === 0} onClick={distribute}>
                {t('items.bulkDistribute')}
              </Button>
            </Space>
          )}
        </div>
        {page.error && !page.data ? (
          <ApiResult error={page.error} onRetry={page.reload} />
        ) : (
          <Table<ProblemItem>
            rowKey="itemNo"
            size="middle"
            loading={page.loading}
            columns={columns}
            dataSource={page.data?.items ?? []}
            scroll={{ x: 1440 }}
            onChange={onTableChange}
            rowClassName={(item) =>
              item.overdue
                ? 'vc-row-overdue'
                : item.dueOn === today && item.status !== 'closed'
                  ? 'vc-row-due-today'
                  : ''
            }
            rowSelection={
              canDistribute
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (item) => ({ disabled: item.status !== 'open', name: item.itemNo }),
                  }
                : undefined
            }
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: page.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES.map(String),
              showTotal: (total) => t('items.total', { total }),
            }}
            locale={{ emptyText: t('items.empty') }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
