import { MailOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ActionModal } from '../../../components/action-modal';
import { ApiResult } from '../../../components/api-result';
import { useNotify } from '../../../components/notify';
import { PageContainer } from '../../../components/page-container';
import { useScopeText } from '../../../components/scope';
import { ScopeFields } from '../../../components/scope-fields';
import { useApi } from '../../../components/use-api';
import { useIntl } from '../../../locales';
import { nameOf, ROLES, type Role, SCOPED_ROLES } from '../../../locales/dictionary';
import { createUser, disableUser, listUsers, type NewUser, setUserEmail } from '../../../services/admin';
import type { StaffUser } from '../../../services/types';
import { useUser } from '../../../session';
import { chinaTime } from '../../../utils/dates';

interface NewUserValues {
  username: string;
  displayName?: string;
  role: Role;
  email?: string;
  password: string;
  scope: { channels?: string[]; branches?: string[] };
}

function CreateUserModal({ onDone, onClosed }: { onDone: () => void; onClosed: () => void }) {
  const { t, short } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<NewUserValues>();
  const role = Form.useWatch('role', form);
  const scoped = role !== undefined && (SCOPED_ROLES as readonly string[]).includes(role);
  return (
    <ActionModal<NewUserValues>
      title={t('users.create')}
      form={form}
      width={600}
      onClosed={onClosed}
      onSubmit={async (v) => {
        const body: NewUser = {
          username: v.username.trim(),
          role: v.role,
          password: v.password,
          scope: { channels: v.scope?.channels ?? [], branches: v.scope?.branches ?? [] },
          ...(v.displayName?.trim() ? { displayName: v.displayName.trim() } : {}),
          ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        };
        await createUser(body);
        notify.success(t('users.created', { username: body.username }));
        onDone();
      }}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { min: 2, max: 32 },
          { pattern: /^[A-Za-z0-9._-]+$/, message: t('users.usernameRule') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ max: 64 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={Object.entries(ROLES).map(([value, n]) => ({ value, label: n[short] }))}
        />
      </Form.Item>
      {scoped && <Alert type="info" showIcon className="vc-gap-bottom" title={t('users.scopedRole')} />}
      <ScopeFields required={scoped} />
      <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailRule') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('users.passwordHelp')}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          { min: 10, message: t('users.passwordRule') },
          { max: 256 },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </ActionModal>
  );
}

function EmailModal({ user, onDone, onClosed }: { user: StaffUser; onDone: () => void; onClosed: () => void }) {
  const { t } = useIntl();
  const notify = useNotify();
  const [form] = Form.useForm<{ email?: string }>();
  return (
    <ActionModal<{ email?: string }>
      title={t('users.emailTitle', { username: user.username })}
      form={form}
      initialValues={{ email: user.email ?? '' }}
      onClosed={onClosed}
      onSubmit={async (v) => {
        await setUserEmail(user.username, v.email?.trim() || null);
        notify.success(t('users.emailSaved', { username: user.username }));
        onDone();
      }}
    >
      <Form.Item
        name="email"
        label={t('users.email')}
        extra={t('users.emailHelp')}
        rules={[{ type: 'email', message: t('users.emailRule') }, { max: 254 }]}
      >
        <Input autoComplete="off" allowClear />
      </Form.Item>
    </ActionModal>
  );
}

/** 用户管理: staff accounts — list, create with role and data scope, disable (ends their sessions). */
export default function UsersPage() {
  const { t, short } = useIntl();
  const me = useUser();
  const notify = useNotify();
  const { modal } = App.useApp();
  const scopeText = useScopeText();
  const users = useApi(() => listUsers(), []);
  const [creating, setCreating] = useState(false);
  const [mailing, setMailing] = useState<StaffUser | undefined>();

  const disable = (user: StaffUser) =>
    modal.confirm({
      title: t('users.disableTitle', { username: user.username }),
      content: t('users.disableBody'),
      okText: t('users.disable'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await disableUser(user.username);
          notify.success(t('users.disabled', { username: user.username }));
          users.reload();
        } catch (error) {
          notify.error(error);
        }
      },
    });

  return (
    <PageContainer
      crumbs={[{ title: t('menu.admin') }, { title: t('menu.users') }]}
      title={t('menu.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Card>
        {users.error && !users.data ? (
          <ApiResult error={users.error} onRetry={users.reload} />
        ) : (
          <Table<StaffUser>
            rowKey="id"
            loading={users.loading}
            dataSource={users.data?.users ?? []}
            pagination={{ pageSize: 20, showTotal: (total) => t('items.total', { total }) }}
            columns={[
              {
                title: t('users.username'),
                dataIndex: 'username',
                sorter: (a, b) => a.username.localeCompare(b.username),
              },
              { title: t('users.displayName'), dataIndex: 'displayName' },
              {
                title: t('users.role'),
                dataIndex: 'role',
                filters: Object.entries(ROLES).map(([value, n]) => ({ value, text: n[short] })),
                onFilter: (value, u) => u.role === value,
                render: (role: string) => nameOf(ROLES, role, short),
              },
              { title: t('user.scope'), dataIndex: 'scope', render: (_, u) => scopeText(u.scope) },
              { title: t('users.email'), dataIndex: 'email', render: (v?: string | null) => v ?? '—' },
              {
                title: t('users.status'),
                dataIndex: 'status',
                render: (s: string) =>
                  s === 'active' ? <Tag color="success">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
              },
              { title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: string) => chinaTime(at) },
              {
                title: t('common.actions'),
                render: (_, u) =>
                  u.status === 'active' ? (
                    <Space>
                      <Button size="small" icon={<MailOutlined />} onClick={() => setMailing(u)}>
                        {t('users.setEmail')}
                      </Button>
                      {u.username !== me.username && (
                        <Button size="small" danger icon={<StopOutlined />} onClick={() => disable(u)}>
                          {t('users.disable')}
                        </Button>
                      )}
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {creating && <CreateUserModal onDone={users.reload} onClosed={() => setCreating(false)} />}
      {mailing && <EmailModal user={mailing} onDone={users.reload} onClosed={() => setMailing(undefined)} />}
    </PageContainer>
  );
}
