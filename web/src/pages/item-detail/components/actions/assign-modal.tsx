import { Form, Input, Select } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useApi } from '../../../../components/use-api';
import { useIntl } from '../../../../locales';
import { nameOf, ROLES } from '../../../../locales/dictionary';
import { assignItem, listAssignees } from '../../../../services/items';

interface Values {
  assigneeId: number;
  reason: string;
}

/** 改派: hand the item to another user who may work it (GET /distribution/assignees). */
export function AssignModal({
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
  const assignees = useApi(() => listAssignees(), []);
  return (
    <ActionModal<Values>
      title={t('action.assign')}
      form={form}
      onClosed={onClosed}
      onSubmit={async (values) => {
        await assignItem(itemNo, { assigneeId: values.assigneeId, reason: values.reason.trim() });
        notify.success(t('done.assign'));
        onDone();
      }}
    >
      <Form.Item
        name="assigneeId"
        label={t('assign.assignee')}
        rules={[{ required: true, message: t('assign.assigneeRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={assignees.loading}
          placeholder={t('assign.assigneePlaceholder')}
          notFoundContent={assignees.error ? t('assign.assigneesUnavailable') : undefined}
          options={(assignees.data?.assignees ?? []).map((a) => ({
            value: a.id,
            label: t('assign.option', {
              name: a.displayName,
              role: nameOf(ROLES, a.role, short),
              count: a.openItems,
            }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assign.reason')}
        rules={[{ required: true, whitespace: true, message: t('assign.reasonRequired') }, { max: 200 }]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </ActionModal>
  );
}
