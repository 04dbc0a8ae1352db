import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useIntl } from '../../../locales';
import { CHANNELS, ITEM_STATUSES, SCAN_RULES } from '../../../locales/dictionary';
import { DEFAULT_STATUS, type ListState } from '../query';

interface FormValues {
  q?: string;
  status?: string;
  rule?: string;
  channel?: string;
  branchCode?: string;
  agentCode?: string;
  due?: [Dayjs | null, Dayjs | null] | null;
}

const options = (table: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') =>
  Object.entries(table).map(([value, name]) => ({ value, label: name[lang] }));

/** The query form (查询 / 重置), ant-design-pro style: the filters the server applies. */
export function FilterForm({
  filter,
  onSearch,
}: {
  filter: ListState['filter'];
  onSearch: (next: Partial<ListState['filter']>) => void;
}) {
  const { t, short } = useIntl();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.setFieldsValue({
      q: filter.q,
      status: filter.status,
      rule: filter.rule,
      channel: filter.channel,
      branchCode: filter.branchCode,
      agentCode: filter.agentCode,
      due:
        filter.dueFrom || filter.dueTo
          ? [filter.dueFrom ? dayjs(filter.dueFrom) : null, filter.dueTo ? dayjs(filter.dueTo) : null]
          : null,
    });
  }, [filter, form]);

  const finish = (values: FormValues) => {
    onSearch({
      q: values.q?.trim() || undefined,
      status: values.status || undefined,
      rule: values.rule || undefined,
      channel: values.channel || undefined,
      branchCode: values.branchCode?.trim() || undefined,
      agentCode: values.agentCode?.trim() || undefined,
      dueFrom: values.due?.[0]?.format('YYYY-MM-DD'),
      dueTo: values.due?.[1]?.format('YYYY-MM-DD'),
    });
  };

  const reset = () => {
    form.resetFields();
    onSearch({
      q: undefined,
      status: DEFAULT_STATUS,
      rule: undefined,
      channel: undefined,
      branchCode: undefined,
      agentCode: undefined,
      dueFrom: undefined,
      dueTo: undefined,
    });
  };

  return (
    <Form
      form={form}
      onFinish={finish}
      className="vc-query-form"
      labelCol={{ flex: '88px' }}
      aria-label={t('items.filters')}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="q"
            label={t('items.q')}
            rules={[{ pattern: /^[A-Za-z0-9-]{1,40}$/, message: t('items.qInvalid') }]}
          >
            <Input allowClear placeholder={t('items.qPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="status" label={t('items.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              options={[{ value: DEFAULT_STATUS, label: t('items.statusActive') }, ...options(ITEM_STATUSES, short)]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="rule" label={t('items.rule')}>
            <Select allowClear placeholder={t('common.all')} options={options(SCAN_RULES, short)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="channel" label={t('items.channel')}>
            <Select allowClear placeholder={t('common.all')} options={options(CHANNELS, short)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item
            name="branchCode"
            label={t('items.branch')}
            rules={[{ pattern: /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, message: t('items.branchInvalid') }]}
          >
            <Input allowClear placeholder={t('items.branchPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="agentCode" label={t('items.agent')}>
            <Input allowClear placeholder={t('items.agentPlaceholder')} maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="due" label={t('items.dueRange')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} className="vc-full-width" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={16} className="vc-query-buttons">
          <Space>
            <Button onClick={reset}>{t('action.reset')}</Button>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
