import { Form, Select } from 'antd';
import { useIntl } from '../locales';
import { CHANNELS } from '../locales/dictionary';

/** The data-scope fields of a user or an API key: channels and branch codes; empty means the whole company. */
export function ScopeFields({ required }: { required?: boolean }) {
  const { t, short } = useIntl();
  return (
    <>
      <Form.Item
        name={['scope', 'channels']}
        label={t('scope.channels')}
        extra={required ? t('scope.requiredHelp') : t('scope.emptyHelp')}
      >
        <Select
          mode="multiple"
          allowClear
          options={Object.entries(CHANNELS).map(([value, n]) => ({ value, label: n[short] }))}
        />
      </Form.Item>
      <Form.Item
        name={['scope', 'branches']}
        label={t('scope.branchCodes')}
        extra={t('scope.branchHelp')}
        rules={[
          {
            validator: async (_, branches: string[] | undefined) => {
              if ((branches ?? []).some((b) => !/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(b)))
                throw new Error(t('items.branchInvalid'));
            },
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder="GD, GD-GZ" />
      </Form.Item>
    </>
  );
}
