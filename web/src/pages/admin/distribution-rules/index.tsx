import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiResult } from '../../../components/api-result';
import { useNotify } from '../../../components/notify';
import { PageContainer } from '../../../components/page-container';
import { useApi } from '../../../components/use-api';
import { useIntl } from '../../../locales';
import { CHANNELS, nameOf, ROLES } from '../../../locales/dictionary';
import { listAssignees, listRules, type RuleInput, saveRules } from '../../../services/items';

interface Row extends Omit<RuleInput, 'assigneeId'> {
  key: number;
  assigneeId: number | null;
}

let nextKey = 1;

/**
 * 分发规则: which back office gets an item, by the policy's channel, branch (a prefix covers its
 * sub-branches) and seller. Most specific first, then priority; saving replaces the set (old rules
 * are kept retired on the server).
 */
export default function DistributionRulesPage() {
  const { t, short } = useIntl();
  const notify = useNotify();
  const rules = useApi(() => listRules(), []);
  const assignees = useApi(() => listAssignees(), []);
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!rules.data) return;
    setRows(
      rules.data.rules.map((r) => ({
        key: nextKey++,
        priority: r.priority,
        channel: r.channel,
        branchPrefix: r.branchPrefix,
        agentCode: r.agentCode,
        assigneeId: r.assignee.id,
      })),
    );
    setDirty(false);
  }, [rules.data]);

  const change = (key: number, patch: Partial<Row>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };

  const add = () => {
    setRows((all) => [
      ...all,
      {
        key: nextKey++,
        priority: (all.at(-1)?.priority ?? 0) + 10,
        channel: null,
        branchPrefix: null,
        agentCode: null,
        assigneeId: null,
      },
    ]);
    setDirty(true);
  };

  const save = async () => {
    if (rows.some((r) => r.assigneeId === null)) {
      notify.info(t('rules.assigneeMissing'));
      return;
    }
    setSaving(true);
    try {
      await saveRules(
        rows.map((r) => ({
          priority: r.priority,
          channel: r.channel,
          branchPrefix: r.branchPrefix?.trim() || null,
          agentCode: r.agentCode?.trim() || null,
          assigneeId: r.assigneeId as number,
        })),
      );
      notify.success(t('rules.saved'));
      rules.reload();
    } catch (error) {
      notify.error(error);
    } finally {
      setSaving(false);
    }
  };

  const assigneeOptions = (assignees.data?.assignees ?? []).map((a) => ({
    value: a.id,
    label: `${a.displayName}（${nameOf(ROLES, a.role, short)}）`,
  }));

  return (
    <PageContainer
      crumbs={[{ title: t('menu.admin') }, { title: t('menu.rules') }]}
      title={t('menu.rules')}
      extra={
        <Space>
          <Button icon={<PlusOutlined />} onClick={add} disabled={!rules.data}>
            {t('rules.add')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!dirty}>
            {t('rules.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon className="vc-gap-bottom" title={t('rules.help')} />
      <Card>
        {rules.error && !rules.data ? (
          <ApiResult error={rules.error} onRetry={rules.reload} />
        ) : (
          <Table<Row>
            rowKey="key"
            loading={rules.loading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('rules.empty') }}
            columns={[
              {
                title: t('rules.priority'),
                dataIndex: 'priority',
                width: 110,
                render: (v: number, r) => (
                  <InputNumber
                    min={1}
                    max={10000}
                    value={v}
                    onChange={(n) => change(r.key, { priority: n ?? 1 })}
                    aria-label={t('rules.priority')}
                  />
                ),
              },
              {
                title: t('items.channel'),
                dataIndex: 'channel',
                width: 160,
                render: (v: string | null, r) => (
                  <Select
                    allowClear
                    className="vc-full-width"
                    placeholder={t('rules.any')}
                    value={v ?? undefined}
                    onChange={(c?: string) => change(r.key, { channel: c ?? null })}
                    options={Object.entries(CHANNELS).map(([value, n]) => ({ value, label: n[short] }))}
                    aria-label={t('items.channel')}
                  />
                ),
              },
              {
                title: t('rules.branchPrefix'),
                dataIndex: 'branchPrefix',
                width: 160,
                render: (v: string | null, r) => (
                  <Input
                    allowClear
                    placeholder={t('rules.any')}
                    value={v ?? ''}
                    onChange={(e) => change(r.key, { branchPrefix: e.target.value || null })}
                    aria-label={t('rules.branchPrefix')}
                  />
                ),
              },
              {
                title: t('items.agent'),
                dataIndex: 'agentCode',
                width: 160,
                render: (v: string | null, r) => (
                  <Input
                    allowClear
                    placeholder={t('rules.any')}
                    value={v ?? ''}
                    onChange={(e) => change(r.key, { agentCode: e.target.value || null })}
                    aria-label={t('items.agent')}
                  />
                ),
              },
              {
                title: t('rules.assignee'),
                dataIndex: 'assigneeId',
                render: (v: number | null, r) => (
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    className="vc-full-width"
                    status={v === null ? 'warning' : undefined}
                    placeholder={t('assign.assigneePlaceholder')}
                    value={v ?? undefined}
                    loading={assignees.loading}
                    onChange={(id: number) => change(r.key, { assigneeId: id })}
                    options={assigneeOptions}
                    aria-label={t('rules.assignee')}
                  />
                ),
              },
              {
                title: t('common.actions'),
                width: 90,
                render: (_, r) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('rules.remove')}
                    onClick={() => {
                      setRows((all) => all.filter((x) => x.key !== r.key));
                      setDirty(true);
                    }}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
