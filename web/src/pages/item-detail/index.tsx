import { BulbOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiResult } from '../../components/api-result';
import { PageContainer } from '../../components/page-container';
import { DueTags, HoldTag, StatusTag } from '../../components/tags';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import { APPLICATION_STATUSES, CHANNELS, nameOf, PARTY_ROLES } from '../../locales/dictionary';
import { getItem } from '../../services/items';
import type { ItemDetail } from '../../services/types';
import { chinaToday } from '../../utils/dates';
import { ActionBar } from './components/action-bar';
import { EvidenceList } from './components/evidence-list';
import { ItemSummary } from './components/item-summary';
import { ItemTimeline } from './components/item-timeline';
import { LinkGraph } from './components/link-graph';
import { LinkMates } from './components/link-mates';
import { WorkflowSteps } from './components/workflow-steps';

/** 问题件详情: the clue in words, who and what it links, what was done, and the steps this user may take. */
export default function ItemDetailPage() {
  const { itemNo = '' } = useParams();
  const { t, short, pick } = useIntl();
  const detail = useApi(() => getItem(itemNo), [itemNo]);
  const crumbs = [{ title: t('menu.items'), to: '/items' }, { title: itemNo }];

  if (!detail.data) {
    return (
      <PageContainer crumbs={crumbs} title={itemNo}>
        {detail.error ? (
          <ApiResult error={detail.error} onRetry={detail.reload} />
        ) : (
          <Card>
            <Skeleton active />
          </Card>
        )}
      </PageContainer>
    );
  }
  const data: ItemDetail = detail.data;
  const { item } = data;
  const timeline = data.timeline ?? data.history ?? [];

  return (
    <PageContainer
      crumbs={crumbs}
      title={item.itemNo}
      tags={
        <>
          <StatusTag status={item.status} />
          <DueTags item={item} today={chinaToday()} />
          <HoldTag hold={item.commissionHold} />
          {item.escalatedOn && <Tag color="red">{t('item.escalated')}</Tag>}
        </>
      }
      extra={<ActionBar detail={data} onChanged={detail.reload} />}
    >
      <Card className="vc-gap-bottom">
        <WorkflowSteps status={item.status} />
      </Card>
      <Alert
        className="vc-gap-bottom vc-clue"
        type="warning"
        showIcon
        icon={<BulbOutlined />}
        title={t('detail.clue')}
        description={<span className="vc-clue-text">{pick(data.clue)}</span>}
      />
      <Card title={t('detail.summary')} className="vc-gap-bottom">
        <ItemSummary item={item} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('detail.graph')} className="vc-gap-bottom">
            <LinkGraph detail={data} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('detail.policies')} className="vc-gap-bottom">
            <Table
              size="small"
              rowKey="policyNo"
              pagination={false}
              dataSource={data.policies}
              columns={[
                {
                  title: t('items.policyNo'),
                  dataIndex: 'policyNo',
                  render: (policyNo: string) =>
                    policyNo === item.policyNo ? (
                      <span>
                        {policyNo} <Tag color="blue">{t('detail.thisPolicy')}</Tag>
                      </span>
                    ) : (
                      policyNo
                    ),
                },
                {
                  title: t('items.channel'),
                  dataIndex: 'channel',
                  render: (c: string | null) => nameOf(CHANNELS, c, short),
                },
                { title: t('items.branch'), dataIndex: 'branchCode', render: (v: string | null) => v ?? '—' },
                { title: t('items.agent'), dataIndex: 'agentCode', render: (v: string | null) => v ?? '—' },
                {
                  title: t('customer.policyStatus'),
                  dataIndex: 'status',
                  render: (s: string) => nameOf(APPLICATION_STATUSES, s, short),
                },
                {
                  title: t('detail.inScope'),
                  dataIndex: 'inScope',
                  render: (inScope: boolean) =>
                    inScope ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('detail.outOfScope')}</Tag>,
                },
              ]}
            />
          </Card>
          <Card title={t('detail.customers')} className="vc-gap-bottom">
            <Table
              size="small"
              rowKey={(c) => `${c.customerId}-${c.policyNo}-${c.role}`}
              pagination={false}
              dataSource={data.customers}
              locale={{ emptyText: t('detail.noCustomers') }}
              columns={[
                {
                  title: t('customer.name'),
                  dataIndex: 'name',
                  render: (name: string | null, c) => (
                    <Link to={`/customers/${c.customerId}`}>
                      {name ?? t('detail.customerNo', { id: c.customerId })}
                    </Link>
                  ),
                },
                { title: t('customer.idNo'), dataIndex: 'idNo', render: (v: string | null) => v ?? '—' },
                { title: t('items.policyNo'), dataIndex: 'policyNo' },
                { title: t('customer.role'), dataIndex: 'role', render: (r: string) => nameOf(PARTY_ROLES, r, short) },
                {
                  title: t('detail.holdsValue'),
                  dataIndex: 'holdsClueValue',
                  render: (holds: boolean) => (holds ? <Tag color="red">{t('detail.holds')}</Tag> : null),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('detail.timeline')} className="vc-gap-bottom">
            <ItemTimeline entries={timeline} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('detail.evidence')} className="vc-gap-bottom">
            <EvidenceList itemNo={item.itemNo} evidence={data.evidence ?? []} />
          </Card>
          <Card title={t('detail.linkMates')} className="vc-gap-bottom">
            {data.linkMates ? (
              <LinkMates mates={data.linkMates} />
            ) : (
              <Typography.Text type="secondary">
                {t('detail.relatedPolicies', { list: item.relatedPolicyNos.join('、') || '—' })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
