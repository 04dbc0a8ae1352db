import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useIntl } from '../locales';
import { ApiError } from '../services/http';
import { useNotify } from './notify';

/** Puts the server's field errors (`body.note`, …) on the form's own fields. */
export function showFieldErrors(form: FormInstance, error: unknown, pick: (m: { zh: string; en: string }) => string) {
  if (!(error instanceof ApiError)) return;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.fields
    .map((f) => ({ name: f.field.replace(/^body\./, '').split('.')[0] ?? '', errors: [pick(f)] }))
    .filter((f) => known.has(f.name));
  if (fields.length > 0) form.setFields(fields);
}

/**
 * A step on an item as a modal form: OK confirms, the request goes, the modal closes and the
 * caller refreshes. Rejected: the server's message, its field errors on the fields, the modal stays.
 * `onSubmit` answers `false` to keep the modal open (a correction the gate refused).
 */
export function ActionModal<V extends object>({
  title,
  okText,
  form,
  onSubmit,
  onClosed,
  initialValues,
  width = 560,
  children,
  danger,
}: {
  title: ReactNode;
  okText?: string;
  form: FormInstance<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClosed: () => void;
  initialValues?: Partial<V>;
  width?: number;
  children: ReactNode;
  danger?: boolean;
}) {
  const { t, pick } = useIntl();
  const notify = useNotify();
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);

  const ok = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const keep = await onSubmit(values);
      if (keep !== false) setOpen(false);
    } catch (error) {
      showFieldErrors(form, error, pick);
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('action.confirm')}
      okButtonProps={{ danger }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={ok}
      onCancel={() => setOpen(false)}
      afterClose={onClosed}
      mask={{ closable: false }}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} className="vc-action-form">
        {children}
      </Form>
    </Modal>
  );
}
