import { Form, Input, Radio } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { ACTION_KINDS } from '../../../../locales/dictionary';
import { recordWork } from '../../../../services/items';

interface Values {
  kind: keyof typeof ACTION_KINDS;
  note: string;
}

/** 记录处理: a call, a visit, documents collected, or a note (sealed on the server). */
export function WorkModal({ itemNo, onDone, onClosed }: { itemNo: string; onDone: () => void; onClosed: () => void }) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  return (
    <ActionModal<Values>
      title={t('action.work')}
      form={form}
      initialValues={{ kind: 'call' }}
      onClosed={onClosed}
      onSubmit={async (values) => {
        await recordWork(itemNo, { kind: values.kind, note: values.note.trim() });
        notify.success(t('done.work'));
        onDone();
      }}
    >
      <Form.Item name="kind" label={t('work.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={Object.entries(ACTION_KINDS).map(([value, name]) => ({ value, label: name[short] }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('work.note')}
        extra={t('work.noteHelp')}
        rules={[{ required: true, whitespace: true, message: t('work.noteRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
    </ActionModal>
  );
}
