import { del, download, get, post, put } from './http';
import type { ApiKey, CommissionHold, Scope, StaffUser } from './types';

export const listUsers = () => get<{ users: StaffUser[] }>('/users');

export interface NewUser {
  username: string;
  displayName?: string;
  role: string;
  scope: Scope;
  password: string;
  email?: string;
}

export const createUser = (body: NewUser) => post<StaffUser>('/users', body);
export const setUserEmail = (username: string, email: string | null) =>
  put<StaffUser>(`/users/${encodeURIComponent(username)}/email`, { email });
export const disableUser = (username: string) => post<StaffUser>(`/users/${encodeURIComponent(username)}/disable`);

export const listApiKeys = () => get<{ apiKeys: ApiKey[] }>('/api-keys');
export const createApiKey = (body: { name: string; scope: Scope }) =>
  post<{ apiKey: ApiKey; key: string }>('/api-keys', body);
export const revokeApiKey = (id: number) => del<ApiKey>(`/api-keys/${id}`);

export interface HoldPage {
  holds: CommissionHold[];
  total: number;
}

export interface HoldFilter {
  channel?: string;
  branchCode?: string;
  agentCode?: string;
}

export const listHolds = (query: HoldFilter & { limit: number; offset: number }) =>
  get<HoldPage>('/commission-holds', { ...query });

export const exportHolds = (format: 'xlsx' | 'csv', filter: HoldFilter) =>
  download('/commission-holds/export', { ...filter, format }, `commission-holds.${format}`);
