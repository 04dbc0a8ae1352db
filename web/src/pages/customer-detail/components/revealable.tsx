import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { showFieldErrors } from '../../../components/action-modal';
import { useNotify } from '../../../components/notify';
import { useIntl } from '../../../locales';
import { revealValue } from '../../../services/customers';
import type { RevealField } from '../../../services/types';
import { useSession } from '../../../session';

/** How long a revealed value stays on screen. */
export const REVEAL_SECONDS = 30;
const REASON = { min: 5, max: 200 };

/**
 * A masked value with 查看明文 for those with pii.reveal (P5.21): a stated reason, one audited
 * request, the value on screen for 30 seconds, held only in this component's state.
 */
export function Revealable({
  customerId,
  field,
  masked,
  index,
  policyNo,
}: {
  customerId: number;
  field: RevealField;
  masked: string | null;
  index?: number;
  policyNo?: string;
}) {
  const { t, pick } = useIntl();
  const { may } = useSession();
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [plain, setPlain] = useState<string | undefined>();
  const [left, setLeft] = useState(0);
  const [form] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    if (plain === undefined) return;
    const timer = setInterval(() => {
      setLeft((n) => {
        if (n <= 1) {
          setPlain(undefined);
          return 0;
        }
        return n - 1;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [plain]);

  if (masked === null) return <span>—</span>;
  if (plain !== undefined) {
    return (
      <Space size={4}>
        <span className="vc-revealed">{plain}</span>
        <Tag color="red">{t('reveal.showing', { seconds: left })}</Tag>
        <Tooltip title={t('reveal.hide')}>
          <Button
            size="small"
            type="text"
            icon={<EyeInvisibleOutlined />}
            onClick={() => setPlain(undefined)}
            aria-label={t('reveal.hide')}
          />
        </Tooltip>
      </Space>
    );
  }

  const reveal = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const answer = await revealValue(customerId, {
        field,
        reason,
        ...(index === undefined ? {} : { index }),
        ...(policyNo ? { policyNo } : {}),
      });
      setPlain(answer.value);
      setLeft(REVEAL_SECONDS);
      setAsking(false);
      form.resetFields();
    } catch (error) {
      showFieldErrors(form, error, pick);
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4}>
      <span>{masked}</span>
      {may('pii.reveal') && (
        <>
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
            {t('reveal.button')}
          </Button>
          <Modal
            open={asking}
            title={t('reveal.title')}
            okText={t('reveal.ok')}
            cancelText={t('action.cancel')}
            confirmLoading={busy}
            onOk={reveal}
            onCancel={() => setAsking(false)}
            forceRender
          >
            <p>{t('reveal.notice', { seconds: REVEAL_SECONDS })}</p>
            <Form form={form} layout="vertical">
              <Form.Item
                name="reason"
                label={t('reveal.reason')}
                rules={[
                  { required: true, whitespace: true, message: t('reveal.reasonRule', REASON) },
                  { min: REASON.min, max: REASON.max, message: t('reveal.reasonRule', REASON) },
                ]}
              >
                <Input.TextArea rows={3} maxLength={REASON.max} showCount placeholder={t('reveal.reasonPlaceholder')} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Space>
  );
}
