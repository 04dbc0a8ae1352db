import { InboxOutlined } from '@ant-design/icons';
import { Form, Select, Upload, type UploadFile } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { EVIDENCE_KINDS } from '../../../../locales/dictionary';
import { uploadEvidence } from '../../../../services/items';
import { fileSize } from '../../../../utils/dates';

/** The server's limits (it checks again, by content): PDF, JPEG, PNG, at most 10 MiB. */
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EXTENSION = /\.(pdf|jpe?g|png)$/i;

interface Values {
  kind: keyof typeof EVIDENCE_KINDS;
  file: UploadFile[];
}

/** 上传证据: one file with its kind, multipart `kind` + `file`. */
export function EvidenceModal({
  itemNo,
  onDone,
  onClosed,
}: {
  itemNo: string;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  return (
    <ActionModal<Values>
      title={t('action.evidence')}
      okText={t('evidence.upload')}
      form={form}
      onClosed={onClosed}
      onSubmit={async (values) => {
        const file = values.file[0]?.originFileObj;
        if (!file) return false;
        await uploadEvidence(itemNo, values.kind, file);
        notify.success(t('done.evidence', { name: file.name }));
        onDone();
      }}
    >
      <Form.Item
        name="kind"
        label={t('evidence.kind')}
        rules={[{ required: true, message: t('evidence.kindRequired') }]}
      >
        <Select
          placeholder={t('evidence.kindPlaceholder')}
          options={Object.entries(EVIDENCE_KINDS).map(([value, name]) => ({ value, label: name[short] }))}
        />
      </Form.Item>
      <Form.Item
        name="file"
        label={t('evidence.file')}
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
        rules={[
          { required: true, message: t('evidence.fileRequired') },
          {
            validator: async (_, list: UploadFile[] | undefined) => {
              const file = list?.[0];
              if (!file) return;
              if (!EXTENSION.test(file.name)) throw new Error(t('evidence.wrongType'));
              if ((file.size ?? 0) > EVIDENCE_MAX_BYTES) {
                throw new Error(t('evidence.tooLarge', { size: fileSize(EVIDENCE_MAX_BYTES) }));
              }
            },
          },
        ]}
      >
        <Upload.Dragger accept={EVIDENCE_ACCEPT} maxCount={1} beforeUpload={() => false} multiple={false}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('evidence.drop')}</p>
          <p className="ant-upload-hint">{t('evidence.limits', { size: fileSize(EVIDENCE_MAX_BYTES) })}</p>
        </Upload.Dragger>
      </Form.Item>
    </ActionModal>
  );
}
