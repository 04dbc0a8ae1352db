import { Form, Input, Radio } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { verifyItem } from '../../../../services/items';

interface Values {
  decision: 'accept' | 'return';
  reason?: string;
}

/** 核实: accept (the item closes) or send back with a reason. Four eyes: the server refuses the investigator. */
export function VerifyModal({
  itemNo,
  onDone,
  onClosed,
}: {
  itemNo: string;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  return (
    <ActionModal<Values>
      title={t('action.verify')}
      form={form}
      initialValues={{ decision: 'accept' }}
      danger={decision === 'return'}
      okText={decision === 'return' ? t('verify.return') : t('verify.accept')}
      onClosed={onClosed}
      onSubmit={async (values) => {
        await verifyItem(itemNo, {
          decision: values.decision,
          ...(values.decision === 'return' ? { reason: values.reason?.trim() } : {}),
        });
        notify.success(values.decision === 'accept' ? t('done.accept') : t('done.return'));
        onDone();
      }}
    >
      <Form.Item name="decision" label={t('verify.decision')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'accept', label: t('verify.accept') },
            { value: 'return', label: t('verify.return') },
          ]}
        />
      </Form.Item>
      {decision === 'return' && (
        <Form.Item
          name="reason"
          label={t('verify.reason')}
          rules={[{ required: true, whitespace: true, message: t('verify.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
    </ActionModal>
  );
}
