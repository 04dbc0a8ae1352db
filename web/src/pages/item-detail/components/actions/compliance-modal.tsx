import { Form, Input, Radio } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { COMPLIANCE_ACTIONS, stepAllowed } from '../../../../locales/dictionary';
import { complianceAction } from '../../../../services/items';

interface Values {
  action: keyof typeof COMPLIANCE_ACTIONS;
  note: string;
}

/**
 * P5.24: compliance investigates itself, issues a criticism and rectification opinion, or refers to
 * the committee. A submitted or closed item can no longer be taken over: the opinion comes first.
 */
export function ComplianceModal({
  itemNo,
  status,
  onDone,
  onClosed,
}: {
  itemNo: string;
  status: string;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  return (
    <ActionModal<Values>
      title={t('action.compliance')}
      form={form}
      initialValues={{ action: stepAllowed('take_over', status) ? 'investigate' : 'rectification' }}
      onClosed={onClosed}
      onSubmit={async (values) => {
        await complianceAction(itemNo, { action: values.action, note: values.note.trim() });
        notify.success(t('done.compliance'));
        onDone();
      }}
    >
      <Form.Item name="action" label={t('compliance.action')} rules={[{ required: true }]}>
        <Radio.Group
          options={Object.entries(COMPLIANCE_ACTIONS).map(([value, name]) => ({ value, label: name[short] }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('compliance.note')}
        rules={[{ required: true, whitespace: true, message: t('compliance.noteRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ActionModal>
  );
}
