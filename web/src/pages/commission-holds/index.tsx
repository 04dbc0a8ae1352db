import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiResult } from '../../components/api-result';
import { useNotify } from '../../components/notify';
import { PageContainer } from '../../components/page-container';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import { CHANNELS, nameOf } from '../../locales/dictionary';
import { exportHolds, type HoldFilter, listHolds } from '../../services/admin';
import type { CommissionHold } from '../../services/types';
import { chinaToday } from '../../utils/dates';

/** 缓发手续费: policies whose commission waits for their items to close, and the export for the commission system. */
export default function CommissionHoldsPage() {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [busy, setBusy] = useState<string | undefined>();
  const [filter, setFilter] = useState<HoldFilter>({});
  const holds = useApi(
    () => listHolds({ ...filter, limit: page.pageSize, offset: (page.current - 1) * page.pageSize }),
    [page.current, page.pageSize, filter],
  );
  const rows = holds.data?.holds ?? [];
  const today = chinaToday();

  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const name = await exportHolds(format, filter);
      notify.success(t('items.exported', { name }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <PageContainer
      crumbs={[{ title: t('menu.holds') }]}
      title={t('menu.holds')}
      extra={
        <>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
            {t('holds.exportXlsx')}
          </Button>
          <Button icon={<FileTextOutlined />} loading={busy === 'csv'} onClick={() => download('csv')}>
            {t('holds.exportCsv')}
          </Button>
        </>
      }
    >
      <Alert type="info" showIcon className="vc-gap-bottom" title={t('holds.help')} />
      <Card>
        <Form
          layout="inline"
          className="vc-gap-bottom"
          onFinish={(v: HoldFilter) => {
            setFilter({
              channel: v.channel || undefined,
              branchCode: v.branchCode?.trim() || undefined,
              agentCode: v.agentCode?.trim() || undefined,
            });
            setPage((p) => ({ ...p, current: 1 }));
          }}
        >
          <Form.Item name="channel" label={t('items.channel')}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('common.all')}
              options={Object.entries(CHANNELS).map(([value, n]) => ({ value, label: n[short] }))}
            />
          </Form.Item>
          <Form.Item
            name="branchCode"
            label={t('items.branch')}
            rules={[{ pattern: /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, message: t('items.branchInvalid') }]}
          >
            <Input allowClear placeholder={t('items.branchPlaceholder')} />
          </Form.Item>
          <Form.Item name="agentCode" label={t('items.agent')}>
            <Input allowClear placeholder={t('items.agentPlaceholder')} maxLength={32} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
          </Form.Item>
        </Form>
        {holds.error && !holds.data ? (
          <ApiResult error={holds.error} onRetry={holds.reload} />
        ) : (
          <Table<CommissionHold>
            size="middle"
            rowKey="policyNo"
            loading={holds.loading}
            dataSource={rows}
            onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
            pagination={{
              current: page.current,
              pageSize: page.pageSize,
              total: holds.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('holds.total', { total }),
            }}
            locale={{ emptyText: t('holds.empty') }}
            rowClassName={(h) => (h.oldestDueOn < today ? 'vc-row-overdue' : '')}
            columns={[
              {
                title: t('items.policyNo'),
                dataIndex: 'policyNo',
                render: (policyNo: string) => <Link to={`/items?q=${encodeURIComponent(policyNo)}`}>{policyNo}</Link>,
              },
              {
                title: t('items.channel'),
                dataIndex: 'channel',
                render: (c: string | null) => nameOf(CHANNELS, c, short),
              },
              { title: t('items.branch'), dataIndex: 'branchCode', render: (v: string | null) => v ?? '—' },
              { title: t('items.agent'), dataIndex: 'agentCode', render: (v: string | null) => v ?? '—' },
              { title: t('holds.openItems'), dataIndex: 'openItems', align: 'right' },
              { title: t('holds.oldestDueOn'), dataIndex: 'oldestDueOn' },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
