import { AlertOutlined, CheckCircleOutlined, ClockCircleOutlined, InboxOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiResult } from '../../components/api-result';
import { PageContainer } from '../../components/page-container';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import { CHANNELS, nameOf } from '../../locales/dictionary';
import { getDashboard } from '../../services/dashboard';
import type { Dashboard, DashboardCounts } from '../../services/types';
import { RejectionsChart, TrendChart } from './components/charts';

function StatCard({
  title,
  value,
  icon,
  color,
  to,
}: {
  title: string;
  value: number;
  icon: ReactNode;
  color: string;
  to: string;
}) {
  return (
    <Link to={to} className="vc-stat-link">
      <Card hoverable className="vc-stat-card">
        <Statistic
          title={title}
          value={value}
          prefix={<span style={{ color }}>{icon}</span>}
          styles={{ content: { color } }}
        />
      </Card>
    </Link>
  );
}

/** 工作台: the day at a glance — what is open, due, overdue, cleared; where; and the trend. */
export default function DashboardPage() {
  const { t, short } = useIntl();
  const dashboard = useApi(() => getDashboard(), []);
  const crumbs = [{ title: t('menu.dashboard') }];

  if (!dashboard.data) {
    return (
      <PageContainer crumbs={crumbs} title={t('menu.dashboard')}>
        {dashboard.error ? (
          <ApiResult error={dashboard.error} onRetry={dashboard.reload} />
        ) : (
          <Card>
            <Skeleton active />
          </Card>
        )}
      </PageContainer>
    );
  }
  const data: Dashboard = dashboard.data;
  const counts = [
    { title: t('dashboard.open'), dataIndex: 'open', align: 'right' as const },
    {
      title: t('dashboard.dueToday'),
      dataIndex: 'dueToday',
      align: 'right' as const,
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
    },
    {
      title: t('dashboard.overdue'),
      dataIndex: 'overdue',
      align: 'right' as const,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('dashboard.clearedThisWeek'), dataIndex: 'clearedThisWeek', align: 'right' as const },
  ];

  return (
    <PageContainer
      crumbs={crumbs}
      title={t('menu.dashboard')}
      extra={<Typography.Text type="secondary">{t('dashboard.asOf', { day: data.today })}</Typography.Text>}
    >
      <Row gutter={[16, 16]} className="vc-gap-bottom">
        <Col xs={12} lg={6}>
          <StatCard
            title={t('dashboard.open')}
            value={data.totals.open}
            icon={<InboxOutlined />}
            color="#1677ff"
            to="/items"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={t('dashboard.dueToday')}
            value={data.totals.dueToday}
            icon={<ClockCircleOutlined />}
            color="#fa8c16"
            to="/items?dueToday=true"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={t('dashboard.overdue')}
            value={data.totals.overdue}
            icon={<AlertOutlined />}
            color="#f5222d"
            to="/items?overdue=true"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={t('dashboard.clearedThisWeek')}
            value={data.totals.clearedThisWeek}
            icon={<CheckCircleOutlined />}
            color="#52c41a"
            to="/items?status=closed"
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.trend')} className="vc-gap-bottom">
            {data.trend.length > 0 ? <TrendChart trend={data.trend} /> : <Empty description={t('common.noData')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.rejections')} className="vc-gap-bottom">
            {data.gateRejections.length > 0 ? (
              <RejectionsChart rejections={data.gateRejections} />
            ) : (
              <Empty description={t('dashboard.noRejections')} />
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.byChannel')} className="vc-gap-bottom">
            <Table<DashboardCounts & { channel: string | null }>
              size="small"
              rowKey={(r) => r.channel ?? '-'}
              pagination={false}
              dataSource={data.byChannel}
              columns={[
                {
                  title: t('items.channel'),
                  dataIndex: 'channel',
                  render: (c: string | null) =>
                    c ? <Link to={`/items?channel=${c}`}>{nameOf(CHANNELS, c, short)}</Link> : '—',
                },
                ...counts,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.byBranch')} className="vc-gap-bottom">
            <Table<DashboardCounts & { branchCode: string | null }>
              size="small"
              rowKey={(r) => r.branchCode ?? '-'}
              pagination={data.byBranch.length > 10 ? { pageSize: 10, size: 'small' } : false}
              dataSource={data.byBranch}
              columns={[
                {
                  title: t('items.branch'),
                  dataIndex: 'branchCode',
                  render: (b: string | null) =>
                    b ? <Link to={`/items?branchCode=${encodeURIComponent(b)}`}>{b}</Link> : '—',
                },
                ...counts,
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
