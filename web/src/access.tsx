import {
  ApiOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  NodeIndexOutlined,
  PayCircleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from './locales/dictionary';
import type { MessageKey } from './locales/zh-CN';

/** A page of the console: where it lives, what it needs, where the menu shows it. */
export interface ConsoleRoute {
  path: string;
  title: MessageKey;
  /** The permission the page needs; the menu hides it and a direct URL answers 403 without it. */
  permission?: Permission;
  icon?: ReactNode;
  /** Menu group (a sub-menu); none: a top-level entry. */
  group?: 'admin';
  /** A page opened from another one (an item, a customer): in the breadcrumb, not the menu. */
  parent?: string;
  hideInMenu?: boolean;
}

export const MENU_GROUPS: Record<'admin', { title: MessageKey; icon: ReactNode }> = {
  admin: { title: 'menu.admin', icon: <SettingOutlined /> },
};

export const ROUTES: ConsoleRoute[] = [
  { path: '/dashboard', title: 'menu.dashboard', permission: 'items.read', icon: <DashboardOutlined /> },
  { path: '/items', title: 'menu.items', permission: 'items.read', icon: <FileSearchOutlined /> },
  { path: '/items/:itemNo', title: 'menu.itemDetail', permission: 'items.read', parent: '/items', hideInMenu: true },
  { path: '/customers', title: 'menu.customers', permission: 'customers.read', icon: <UserOutlined /> },
  {
    path: '/customers/:id',
    title: 'menu.customerDetail',
    permission: 'customers.read',
    parent: '/customers',
    hideInMenu: true,
  },
  { path: '/intake', title: 'menu.intake', permission: 'applications.submit', icon: <CloudUploadOutlined /> },
  { path: '/commission-holds', title: 'menu.holds', permission: 'items.export', icon: <PayCircleOutlined /> },
  {
    path: '/admin/distribution-rules',
    title: 'menu.rules',
    permission: 'items.distribute',
    icon: <NodeIndexOutlined />,
    group: 'admin',
  },
  { path: '/admin/users', title: 'menu.users', permission: 'users.manage', icon: <TeamOutlined />, group: 'admin' },
  {
    path: '/admin/api-keys',
    title: 'menu.apiKeys',
    permission: 'apikeys.manage',
    icon: <ApiOutlined />,
    group: 'admin',
  },
];

/** Pages this user may open. */
export function allowedRoutes(may: (permission: Permission) => boolean): ConsoleRoute[] {
  return ROUTES.filter((r) => !r.permission || may(r.permission));
}

/** Where a user lands after signing in: the first page of the menu they may open. */
export function homeOf(may: (permission: Permission) => boolean): string | undefined {
  return allowedRoutes(may).find((r) => !r.hideInMenu)?.path;
}
