import { Card, Col, Descriptions, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiResult } from '../../components/api-result';
import { PageContainer } from '../../components/page-container';
import { RuleTag, StatusTag } from '../../components/tags';
import { useApi } from '../../components/use-api';
import { useIntl } from '../../locales';
import {
  APPLICATION_STATUSES,
  CHANNELS,
  GENDERS,
  ID_TYPES,
  nameOf,
  PARTY_ROLES,
  RELATIONS,
} from '../../locales/dictionary';
import { getCustomer } from '../../services/customers';
import type { Customer, CustomerItem, CustomerLink, CustomerPolicy } from '../../services/types';
import { ContactHistory } from './components/contact-history';
import { Revealable } from './components/revealable';
import { rememberCustomer } from './recent';

/** 客户360: one customer, masked — profile, policies with their roles, contact history, links, items. */
export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const customerId = Number(id);
  const { t, short } = useIntl();
  const customer = useApi(() => getCustomer(customerId), [customerId]);
  useEffect(() => {
    if (customer.data) rememberCustomer(customer.data.customerId);
  }, [customer.data]);
  const crumbs = [{ title: t('menu.customers'), to: '/customers' }, { title: t('detail.customerNo', { id }) }];

  if (!customer.data) {
    return (
      <PageContainer crumbs={crumbs} title={t('detail.customerNo', { id })}>
        {customer.error ? (
          <ApiResult error={customer.error} onRetry={customer.reload} />
        ) : (
          <Card>
            <Skeleton active />
          </Card>
        )}
      </PageContainer>
    );
  }
  const c: Customer = customer.data;
  const items = c.items ?? c.openItems ?? [];
  // The account is not on the profile: the newest version listed has it (masked).
  const accountNo = c.accountNo ?? c.contactHistory?.[0]?.values.accountNo ?? null;
  const reveal = (field: Parameters<typeof Revealable>[0]['field'], masked: string | null, index?: number) => (
    <Revealable customerId={c.customerId} field={field} masked={masked} index={index} />
  );

  return (
    <PageContainer
      crumbs={crumbs}
      title={c.name ?? t('detail.customerNo', { id })}
      tags={<Tag>{t('customer.version', { version: c.version })}</Tag>}
    >
      <Card
        title={t('customer.profile')}
        className="vc-gap-bottom"
        extra={<Typography.Text type="secondary">{t('customer.masked')}</Typography.Text>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'no', label: t('customers.id'), children: c.customerId },
            { key: 'name', label: t('customer.name'), children: reveal('name', c.name) },
            { key: 'idType', label: t('customer.idType'), children: nameOf(ID_TYPES, c.idType, short) },
            { key: 'idNo', label: t('customer.idNo'), children: reveal('idNo', c.idNo) },
            { key: 'gender', label: t('customer.gender'), children: nameOf(GENDERS, c.gender, short) },
            { key: 'birth', label: t('customer.birthDate'), children: c.birthDate ?? '—' },
            {
              key: 'phones',
              label: t('customer.phones'),
              children:
                c.phones.length === 0 ? (
                  '—'
                ) : (
                  <div>
                    {c.phones.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a phone is its position (the reveal asks by index)
                      <div key={i}>{reveal('phone', p, i)}</div>
                    ))}
                  </div>
                ),
            },
            { key: 'address', label: t('customer.address'), children: reveal('address', c.address) },
            { key: 'account', label: t('customer.accountNo'), children: reveal('accountNo', accountNo) },
          ]}
        />
      </Card>
      <Card title={t('customer.policies')} className="vc-gap-bottom">
        <Table<CustomerPolicy>
          size="small"
          rowKey={(p) => `${p.policyNo}-${p.role}-${p.seq}`}
          pagination={false}
          dataSource={c.policies}
          columns={[
            { title: t('items.policyNo'), dataIndex: 'policyNo' },
            {
              title: t('customer.role'),
              dataIndex: 'role',
              render: (role: string, p) =>
                `${nameOf(PARTY_ROLES, role, short)}${role === 'beneficiary' ? ` #${p.seq + 1}` : ''}`,
            },
            {
              title: t('customer.relation'),
              dataIndex: 'relation',
              render: (r: string | null) => nameOf(RELATIONS, r, short),
            },
            {
              title: t('items.channel'),
              dataIndex: 'channel',
              render: (ch: string | null) => nameOf(CHANNELS, ch, short),
            },
            { title: t('items.branch'), dataIndex: 'branchCode', render: (v: string | null) => v ?? '—' },
            { title: t('items.agent'), dataIndex: 'agentCode', render: (v: string | null) => v ?? '—' },
            {
              title: t('customer.policyStatus'),
              dataIndex: 'status',
              render: (status: string) => (
                <Tag color={status === 'accepted' ? 'success' : 'error'}>
                  {nameOf(APPLICATION_STATUSES, status, short)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('customer.contactHistory')} className="vc-gap-bottom">
            {c.contactHistory ? (
              <ContactHistory history={c.contactHistory} />
            ) : (
              <Typography.Text type="secondary">{t('customer.historyUnavailable')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('customer.items')} className="vc-gap-bottom">
            <Table<CustomerItem>
              size="small"
              rowKey="itemNo"
              pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
              dataSource={items}
              locale={{ emptyText: t('customer.noItems') }}
              columns={[
                {
                  title: t('items.itemNo'),
                  dataIndex: 'itemNo',
                  render: (itemNo: string) => <Link to={`/items/${encodeURIComponent(itemNo)}`}>{itemNo}</Link>,
                },
                { title: t('items.policyNo'), dataIndex: 'policyNo' },
                { title: t('items.rule'), dataIndex: 'rule', render: (r: string) => <RuleTag rule={r} /> },
                { title: t('items.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                {
                  title: t('items.dueOn'),
                  dataIndex: 'dueOn',
                  render: (dueOn: string, i) => (
                    <span>
                      {dueOn} {i.overdue && <Tag color="error">{t('item.overdue')}</Tag>}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('customer.links')} className="vc-gap-bottom">
        {c.links ? (
          <Table<CustomerLink>
            size="small"
            rowKey="linkId"
            pagination={false}
            dataSource={c.links}
            locale={{ emptyText: t('customer.noLinks') }}
            columns={[
              {
                title: t('detail.linkId'),
                dataIndex: 'linkId',
                render: (linkId: string) => (
                  <Link to={`/items?linkId=${encodeURIComponent(linkId)}`}>
                    <code>{linkId}</code>
                  </Link>
                ),
              },
              { title: t('items.rule'), dataIndex: 'rule', render: (r: string) => <RuleTag rule={r} /> },
              {
                title: t('customer.linkStatus'),
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag color={s === 'cleared' ? 'success' : 'warning'}>
                    {s === 'cleared' ? t('customer.linkCleared') : s === 'open' ? t('customer.linkOpen') : s}
                  </Tag>
                ),
              },
              { title: t('customer.linkMembers'), dataIndex: 'members', align: 'right' },
              { title: t('customer.linkSeen'), render: (_, l) => `${l.firstDetectedOn} ~ ${l.lastDetectedOn}` },
              {
                title: t('customer.items'),
                dataIndex: 'itemNos',
                render: (itemNos: string[]) => (
                  <span>
                    {itemNos.map((n) => (
                      <Link key={n} to={`/items/${encodeURIComponent(n)}`} className="vc-tag-gap">
                        {n}
                      </Link>
                    ))}
                  </span>
                ),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('customer.linksUnavailable')}</Typography.Text>
        )}
      </Card>
    </PageContainer>
  );
}
