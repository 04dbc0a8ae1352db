import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../../components/notify';
import { useApi } from '../../../components/use-api';
import { useIntl } from '../../../locales';
import { downloadRejections, listImportRecords } from '../../../services/imports';
import type { GateIssue, ImportRecord } from '../../../services/types';
import { codeName } from '../../../utils/codes';
import { issueText } from '../../../utils/issues';

const OUTCOME_COLORS: Record<string, string> = {
  accepted: 'success',
  rejected: 'error',
  unchanged: 'default',
  malformed: 'warning',
};

/** One batch's records with the gate's outcome on each, and its rejections as Excel. */
export function BatchRecords({ batchId }: { batchId: number }) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [outcome, setOutcome] = useState<string>('rejected');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const records = useApi(
    () =>
      listImportRecords(batchId, {
        ...(outcome === 'all' ? {} : { outcome }),
        limit: page.pageSize,
        offset: (page.current - 1) * page.pageSize,
      }),
    [batchId, outcome, page.current, page.pageSize],
  );

  const download = async () => {
    try {
      const name = await downloadRejections(batchId);
      notify.success(t('intake.downloaded', { name }));
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <Card
      title={t('intake.records', { id: batchId })}
      extra={
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('intake.downloadRejections')}
        </Button>
      }
    >
      <Space className="vc-gap-bottom">
        <Segmented
          value={outcome}
          onChange={(value) => {
            setOutcome(String(value));
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={[
            { value: 'rejected', label: t('intake.outcome.rejected') },
            { value: 'malformed', label: t('intake.outcome.malformed') },
            { value: 'accepted', label: t('intake.outcome.accepted') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Space>
      <Table<ImportRecord>
        size="small"
        rowKey={(r) => `${r.line}-${r.policyNo ?? ''}`}
        loading={records.loading}
        dataSource={records.data?.records ?? []}
        locale={{ emptyText: records.error ? t('intake.recordsUnavailable') : t('intake.noRecords') }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: records.data?.total ?? 0,
          showTotal: (total) => t('items.total', { total }),
        }}
        columns={[
          { title: t('intake.line'), dataIndex: 'line', width: 80, align: 'right' },
          { title: t('items.policyNo'), dataIndex: 'policyNo', width: 160, render: (v: string | null) => v ?? '—' },
          {
            title: t('intake.outcome.label'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) => (
              <Tag color={OUTCOME_COLORS[s] ?? 'default'}>
                {s in OUTCOME_COLORS ? t(`intake.outcome.${s as 'accepted'}`) : s}
              </Tag>
            ),
          },
          {
            title: t('intake.errors'),
            dataIndex: 'errors',
            render: (errors: GateIssue[]) =>
              errors.length === 0 ? (
                '—'
              ) : (
                <ul className="vc-issue-list">
                  {errors.map((e) => (
                    <li key={`${e.code}-${e.path}`}>
                      <Tag color="red" title={codeName(e.code, short)}>
                        {e.code}
                      </Tag>
                      {e.path && <code className="vc-path">{e.path}</code>} {issueText(e, short)}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </Card>
  );
}
