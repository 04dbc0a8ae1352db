import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ActionModal } from '../../../components/action-modal';
import { ApiResult } from '../../../components/api-result';
import { useNotify } from '../../../components/notify';
import { PageContainer } from '../../../components/page-container';
import { useScopeText } from '../../../components/scope';
import { ScopeFields } from '../../../components/scope-fields';
import { useApi } from '../../../components/use-api';
import { useIntl } from '../../../locales';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../services/admin';
import type { ApiKey } from '../../../services/types';
import { chinaTime } from '../../../utils/dates';

interface Values {
  name: string;
  scope?: { channels?: string[]; branches?: string[] };
}

/** 接口密钥: keys for the core systems that call the gate; a new key is shown once, then only its prefix. */
export default function ApiKeysPage() {
  const { t } = useIntl();
  const notify = useNotify();
  const { modal } = App.useApp();
  const scopeText = useScopeText();
  const keys = useApi(() => listApiKeys(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | undefined>();
  const [form] = Form.useForm<Values>();

  const revoke = (key: ApiKey) =>
    modal.confirm({
      title: t('apiKeys.revokeTitle', { name: key.name }),
      content: t('apiKeys.revokeBody'),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await revokeApiKey(key.id);
          notify.success(t('apiKeys.revoked', { name: key.name }));
          keys.reload();
        } catch (error) {
          notify.error(error);
        }
      },
    });

  return (
    <PageContainer
      crumbs={[{ title: t('menu.admin') }, { title: t('menu.apiKeys') }]}
      title={t('menu.apiKeys')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Card>
        {keys.error && !keys.data ? (
          <ApiResult error={keys.error} onRetry={keys.reload} />
        ) : (
          <Table<ApiKey>
            rowKey="id"
            loading={keys.loading}
            dataSource={keys.data?.apiKeys ?? []}
            pagination={false}
            locale={{ emptyText: t('apiKeys.empty') }}
            columns={[
              { title: t('apiKeys.name'), dataIndex: 'name' },
              { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
              { title: t('user.scope'), dataIndex: 'scope', render: (_, k) => scopeText(k.scope) },
              { title: t('apiKeys.createdBy'), dataIndex: 'createdBy' },
              { title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: string) => chinaTime(at) },
              {
                title: t('users.status'),
                dataIndex: 'revokedAt',
                render: (at: string | null) =>
                  at ? (
                    <Tag>{t('apiKeys.revokedAt', { at: chinaTime(at) })}</Tag>
                  ) : (
                    <Tag color="success">{t('users.active')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                render: (_, k) =>
                  k.revokedAt ? null : (
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => revoke(k)}>
                      {t('apiKeys.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {creating && (
        <ActionModal<Values>
          title={t('apiKeys.create')}
          form={form}
          onClosed={() => setCreating(false)}
          onSubmit={async (v) => {
            const answer = await createApiKey({
              name: v.name.trim(),
              scope: { channels: v.scope?.channels ?? [], branches: v.scope?.branches ?? [] },
            });
            setCreated({ name: answer.apiKey.name, key: answer.key });
            form.resetFields();
            keys.reload();
          }}
        >
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[
              { required: true, whitespace: true, message: t('apiKeys.nameRequired') },
              { pattern: /^[A-Za-z0-9 ._-]{1,64}$/, message: t('apiKeys.nameRule') },
            ]}
          >
            <Input placeholder={t('apiKeys.namePlaceholder')} />
          </Form.Item>
          <ScopeFields />
        </ActionModal>
      )}
      <Modal
        open={created !== undefined}
        title={t('apiKeys.createdTitle', { name: created?.name ?? '' })}
        onCancel={() => setCreated(undefined)}
        onOk={() => setCreated(undefined)}
        okText={t('apiKeys.saved')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
        closable={false}
        destroyOnHidden
      >
        <Alert type="warning" showIcon className="vc-gap-bottom" title={t('apiKeys.once')} />
        <Typography.Paragraph copyable={{ text: created?.key }} code className="vc-api-key">
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
