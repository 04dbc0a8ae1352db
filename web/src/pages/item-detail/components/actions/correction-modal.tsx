import { Alert, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { ActionModal } from '../../../../components/action-modal';
import { useNotify } from '../../../../components/notify';
import { useIntl } from '../../../../locales';
import { PARTY_ROLES } from '../../../../locales/dictionary';
import { type CorrectionRequest, submitCorrection } from '../../../../services/items';
import type { GateIssue } from '../../../../services/types';
import { issueText } from '../../../../utils/issues';

interface Values {
  party: 'applicant' | 'insured';
  phones?: string[];
  address?: string;
  accountNo?: string;
}

/** Which form field a gate issue's path is about (`applicant.phones[0]` → phones). */
export function fieldOfIssue(path: string): keyof Values | undefined {
  if (/phone/i.test(path)) return 'phones';
  if (/address/i.test(path)) return 'address';
  if (/account/i.test(path)) return 'accountNo';
  return undefined;
}

/**
 * 更正资料: the corrected values go through the gate as a new, versioned submission. Refused,
 * the gate's reasons show on their fields and the modal stays open.
 */
export function CorrectionModal({
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
  const [refused, setRefused] = useState<GateIssue[]>([]);

  return (
    <ActionModal<Values>
      title={t('action.correct')}
      okText={t('correction.submit')}
      width={620}
      form={form}
      initialValues={{ party: 'applicant' }}
      onClosed={onClosed}
      onSubmit={async (values) => {
        const body: CorrectionRequest = { party: values.party };
        const phones = (values.phones ?? []).map((p) => p.trim()).filter(Boolean);
        if (phones.length > 0) body.phones = phones;
        if (values.address?.trim()) body.address = values.address.trim();
        if (values.accountNo?.trim()) body.accountNo = values.accountNo.replace(/\s+/g, '');
        const result = await submitCorrection(itemNo, body);
        if (result.accepted) {
          setRefused([]);
          notify.success(t('done.correct'));
          onDone();
          return true;
        }
        setRefused(result.errors);
        const byField = new Map<keyof Values, string[]>();
        for (const issue of result.errors) {
          const field = fieldOfIssue(issue.path);
          if (field) byField.set(field, [...(byField.get(field) ?? []), issueText(issue, short)]);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        // The refusal is a line in the timeline: refresh behind the modal.
        onDone();
        return false;
      }}
    >
      <Alert type="info" showIcon className="vc-gap-bottom" title={t('correction.help')} />
      {refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="vc-gap-bottom"
          title={t('correction.refused')}
          description={
            <ul className="vc-error-fields">
              {refused.map((issue) => (
                <li key={`${issue.code}-${issue.path}`}>
                  <code>{issue.code}</code> {issue.path}：{issueText(issue, short)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form.Item name="party" label={t('correction.party')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={(['applicant', 'insured'] as const).map((value) => ({ value, label: PARTY_ROLES[value][short] }))}
        />
      </Form.Item>
      <Form.Item
        name="phones"
        label={t('correction.phones')}
        extra={t('correction.phonesHelp')}
        dependencies={['address', 'accountNo']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, phones: string[] | undefined) => {
              if ((phones?.length ?? 0) > 0 || getFieldValue('address')?.trim() || getFieldValue('accountNo')?.trim())
                return;
              throw new Error(t('correction.nothing'));
            },
          }),
        ]}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ', ';', '；']}
          open={false}
          suffixIcon={null}
          placeholder={t('correction.phonesPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="address" label={t('correction.address')} rules={[{ max: 200 }]}>
        <Input allowClear maxLength={200} placeholder={t('correction.addressPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="accountNo"
        label={t('correction.accountNo')}
        rules={[{ pattern: /^[\d\s]{8,40}$/, message: t('correction.accountInvalid') }]}
      >
        <Input allowClear inputMode="numeric" placeholder={t('correction.accountPlaceholder')} />
      </Form.Item>
    </ActionModal>
  );
}
