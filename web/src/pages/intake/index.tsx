import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../components/notify';
import { PageContainer } from '../../components/page-container';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import { ApiError } from '../../services/http';
import { listImports, uploadImport } from '../../services/imports';
import type { ImportBatch, ImportSummary } from '../../services/types';
import { chinaTime } from '../../utils/dates';
import { BatchRecords } from './components/batch-records';

const ACCEPT = '.jsonl,.csv,.xlsx';

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useIntl();
  const stats: Array<[string, number, string | undefined]> = [
    [t('intake.lines'), summary.lines, undefined],
    [t('intake.outcome.accepted'), summary.accepted, '#52c41a'],
    [t('intake.outcome.rejected'), summary.rejected, '#f5222d'],
    [t('intake.outcome.unchanged'), summary.unchanged, '#8c8c8c'],
    [t('intake.outcome.malformed'), summary.malformed, '#fa8c16'],
    ...(summary.refused ? [[t('intake.refused'), summary.refused, '#cf1322'] as [string, number, string]] : []),
  ];
  return (
    <Row gutter={16}>
      {stats.map(([title, value, color]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}

/** 导入: upload a file of applications; the gate's outcome per record; the rejections as Excel. */
export default function IntakePage() {
  const { t, pick } = useIntl();
  const notify = useNotify();
  const [uploading, setUploading] = useState(false);
  const [last, setLast] = useState<{ batchId: number; summary: ImportSummary } | undefined>();
  const [selected, setSelected] = useState<number | undefined>();
  const batches = useApi(() => listImports(), [last?.batchId]);
  const rows: ImportBatch[] = batches.data?.batches ?? [];

  const send = async (file: File) => {
    setUploading(true);
    try {
      const answer = await uploadImport(file);
      setLast(answer);
      setSelected(answer.batchId);
      notify.success(t('intake.uploaded', { name: file.name }));
    } catch (error) {
      notify.error(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <PageContainer crumbs={[{ title: t('menu.intake') }]} title={t('menu.intake')}>
      <Card className="vc-gap-bottom">
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{uploading ? t('intake.uploading') : t('intake.drop')}</p>
          <p className="ant-upload-hint">{t('intake.hint')}</p>
        </Upload.Dragger>
      </Card>
      {last && (
        <Card title={t('intake.summary', { id: last.batchId })} className="vc-gap-bottom">
          <Summary summary={last.summary} />
        </Card>
      )}
      <Card title={t('intake.batches')} className="vc-gap-bottom">
        {batches.error instanceof ApiError && (
          <Alert
            type="warning"
            showIcon
            className="vc-gap-bottom"
            title={batches.error.routeMissing ? t('error.routeMissing') : t('error.loadFailed')}
            description={pick(batches.error)}
          />
        )}
        <Table<ImportBatch>
          size="small"
          rowKey="batchId"
          loading={batches.loading}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: batches.error ? t('intake.batchesUnavailable') : t('intake.noBatches') }}
          rowClassName={(b) => (b.batchId === selected ? 'vc-row-selected' : '')}
          onRow={(b) => ({ onClick: () => setSelected(b.batchId), className: 'vc-clickable' })}
          columns={[
            { title: t('intake.batch'), dataIndex: 'batchId', width: 90 },
            { title: t('intake.file'), dataIndex: 'fileName' },
            { title: t('intake.at'), dataIndex: 'startedAt', render: (at: string) => chinaTime(at) },
            { title: t('intake.by'), dataIndex: 'uploadedBy', render: (v: string | null) => v ?? t('intake.byCli') },
            { title: t('intake.lines'), align: 'right', render: (_, b) => b.summary.lines },
            { title: t('intake.outcome.accepted'), align: 'right', render: (_, b) => b.summary.accepted },
            {
              title: t('intake.outcome.rejected'),
              align: 'right',
              render: (_, b) =>
                b.summary ? (
                  <Typography.Text type={b.summary.rejected > 0 ? 'danger' : undefined}>
                    {b.summary.rejected}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('intake.outcome.malformed'), align: 'right', render: (_, b) => b.summary.malformed },
          ]}
        />
      </Card>
      {selected !== undefined && <BatchRecords key={selected} batchId={selected} />}
    </PageContainer>
  );
}
