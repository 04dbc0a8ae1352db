import { Alert, Form, Input, Radio, Select } from 'antd';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { EVIDENCE_KINDS, LEGITIMATE_REASONS, missingForSubmit, RESOLUTIONS } from '../../../../locales/dictionary';
import { submitItem } from '../../../../services/items';

interface Values {
  resolution: keyof typeof RESOLUTIONS;
  legitimateReason?: keyof typeof LEGITIMATE_REASONS;
  note: string;
}

/** P5.13: the evidence a resolution still needs (the server's own rule; it checks again). */
function missingEvidence(resolution: string | undefined, kinds: readonly string[]) {
  if (resolution !== 'corrected' && resolution !== 'legitimate') return [];
  return missingForSubmit(resolution, { evidenceKinds: kinds, acceptedCorrections: 1 }).filter(
    (m): m is 'investigation_report' | 'customer_confirmation' => m !== 'correction',
  );
}

/** 提交核实: corrected, or a legitimate link with its reason; goes to a verifier. */
export function SubmitModal({
  itemNo,
  evidenceKinds,
  onDone,
  onClosed,
}: {
  itemNo: string;
  evidenceKinds: readonly string[];
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const resolution = Form.useWatch('resolution', form);
  const missing = missingEvidence(resolution, evidenceKinds);
  return (
    <ActionModal<Values>
      title={t('action.submit')}
      okText={t('submit.ok')}
      form={form}
      onClosed={onClosed}
      onSubmit={async (values) => {
        await submitItem(itemNo, {
          resolution: values.resolution,
          ...(values.resolution === 'legitimate' ? { legitimateReason: values.legitimateReason } : {}),
          note: values.note.trim(),
        });
        notify.success(t('done.submit'));
        onDone();
      }}
    >
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="vc-gap-bottom"
          title={t('submit.missing', { list: missing.map((k) => EVIDENCE_KINDS[k][short]).join('、') })}
        />
      )}
      <Form.Item
        name="resolution"
        label={t('submit.resolution')}
        rules={[{ required: true, message: t('submit.resolutionRequired') }]}
      >
        <Radio.Group options={Object.entries(RESOLUTIONS).map(([value, name]) => ({ value, label: name[short] }))} />
      </Form.Item>
      {resolution === 'legitimate' && (
        <Form.Item
          name="legitimateReason"
          label={t('submit.legitimateReason')}
          rules={[{ required: true, message: t('submit.legitimateReasonRequired') }]}
        >
          <Select
            options={Object.entries(LEGITIMATE_REASONS).map(([value, name]) => ({ value, label: name[short] }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('submit.note')}
        rules={[{ required: true, whitespace: true, message: t('submit.noteRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ActionModal>
  );
}
