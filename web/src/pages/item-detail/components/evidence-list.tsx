import { DownloadOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import { useIntl } from '../../../locales';
import { EVIDENCE_KINDS, nameOf } from '../../../locales/dictionary';
import { evidenceUrl } from '../../../services/items';
import type { Evidence } from '../../../services/types';
import { chinaTime, fileSize } from '../../../utils/dates';

/** The evidence files, each downloadable by whoever may see the item (the server checks). */
export function EvidenceList({ itemNo, evidence }: { itemNo: string; evidence: Evidence[] }) {
  const { t, short } = useIntl();
  return (
    <Table<Evidence>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={evidence}
      locale={{ emptyText: t('detail.noEvidence') }}
      columns={[
        { title: t('evidence.kind'), dataIndex: 'kind', render: (kind: string) => nameOf(EVIDENCE_KINDS, kind, short) },
        {
          title: t('evidence.file'),
          dataIndex: 'fileName',
          render: (name: string, e) => (
            <a href={evidenceUrl(itemNo, e.id)} download={name} rel="noopener">
              <DownloadOutlined /> {name}
            </a>
          ),
        },
        { title: t('evidence.size'), dataIndex: 'size', align: 'right', render: (size: number) => fileSize(size) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          render: (sha: string) => (
            <Tooltip title={sha}>
              <Typography.Text code copyable={{ text: sha }}>
                {sha.slice(0, 12)}…
              </Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: t('evidence.uploadedBy'),
          dataIndex: 'uploadedBy',
          render: (by: Evidence['uploadedBy']) => (typeof by === 'string' ? by : by.displayName),
        },
        { title: t('evidence.uploadedAt'), dataIndex: 'uploadedAt', render: (at: string) => chinaTime(at) },
      ]}
    />
  );
}
