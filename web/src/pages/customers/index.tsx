import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PageContainer } from '../../components/page-container';
import { useIntl } from '../../locales';
import { recentCustomers } from '../customer-detail/recent';

/**
 * 客户: a customer is opened from an item (its customers link here) or by customer number.
 * Recently opened numbers are kept in this tab only, never a name or another personal value.
 */
export default function CustomersPage() {
  const { t } = useIntl();
  const navigate = useNavigate();
  const recent = recentCustomers();
  return (
    <PageContainer crumbs={[{ title: t('menu.customers') }]} title={t('menu.customers')}>
      <Card className="vc-gap-bottom">
        <Alert type="info" showIcon className="vc-gap-bottom" title={t('customers.help')} />
        <Form layout="inline" onFinish={(v: { id: number }) => navigate(`/customers/${v.id}`)}>
          <Form.Item
            name="id"
            label={t('customers.id')}
            rules={[{ required: true, message: t('customers.idRequired') }]}
          >
            <InputNumber min={1} max={2_147_483_647} precision={0} className="vc-customer-id" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('customers.open')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Link to="/items">{t('customers.fromItems')}</Link>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('customers.recent')}>
        {recent.length === 0 ? (
          <Typography.Text type="secondary">{t('customers.noRecent')}</Typography.Text>
        ) : (
          <Space wrap>
            {recent.map((id) => (
              <Link key={id} to={`/customers/${id}`}>
                <Button>{t('detail.customerNo', { id })}</Button>
              </Link>
            ))}
          </Space>
        )}
      </Card>
    </PageContainer>
  );
}
