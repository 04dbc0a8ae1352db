import type { Role } from '../src/shared/roles.js';

/**
 * Who may call each route, written out by hand (not derived from the role map it checks).
 * Every route the server registers must have a row: a route without one fails the suite.
 */
export interface Fixture {
  itemNo: string;
  customerId: number;
  /** A fresh value each call, for routes that create something. */
  unique(): string;
  /** A user or key that exists, for routes that change one. */
  makeTarget(kind: 'user' | 'apikey'): Promise<string>;
}

export interface Row {
  /** 'staff': every signed-in member of staff. */
  roles: readonly Role[] | 'staff';
  apiKeys: boolean;
  request(fx: Fixture): Promise<{ url: string; payload?: unknown }> | { url: string; payload?: unknown };
}

const ITEM_READERS: Role[] = ['customer_service', 'channel_management', 'channel_back_office', 'compliance', 'auditor'];
const AUDIT_READERS: Role[] = ['compliance', 'information_office', 'auditor', 'administrator'];
const KEY_MANAGERS: Role[] = ['it_operations', 'administrator'];

export const ACCESS_TABLE: Record<string, Row> = {
  'GET /api/v1/session': { roles: 'staff', apiKeys: false, request: () => ({ url: '/api/v1/session' }) },
  'DELETE /api/v1/session': { roles: 'staff', apiKeys: false, request: () => ({ url: '/api/v1/session' }) },
  'POST /api/v1/applications/check': {
    roles: ['customer_service', 'channel_management', 'channel_back_office', 'compliance', 'business_support'],
    apiKeys: true,
    request: (fx) => ({
      url: '/api/v1/applications/check',
      payload: { policyNo: fx.unique(), channel: 'agent', branchCode: 'GD-GZ' },
    }),
  },
  'POST /api/v1/applications': {
    roles: ['channel_back_office', 'business_support'],
    apiKeys: true,
    request: (fx) => ({
      url: '/api/v1/applications',
      payload: { policyNo: fx.unique(), channel: 'agent', branchCode: 'GD-GZ' },
    }),
  },
  'POST /api/v1/applications/batch': {
    roles: ['channel_back_office', 'business_support'],
    apiKeys: true,
    request: (fx) => ({
      url: '/api/v1/applications/batch',
      payload: { applications: [{ policyNo: fx.unique(), channel: 'agent', branchCode: 'GD-GZ' }] },
    }),
  },
  'GET /api/v1/users': { roles: ['administrator'], apiKeys: false, request: () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    roles: ['administrator'],
    apiKeys: false,
    request: (fx) => ({
      url: '/api/v1/users',
      payload: { username: `u${fx.unique()}`.toLowerCase(), role: 'auditor', password: 'Strong-pass-123' },
    }),
  },
  'POST /api/v1/users/:username/disable': {
    roles: ['administrator'],
    apiKeys: false,
    request: async (fx) => ({ url: `/api/v1/users/${await fx.makeTarget('user')}/disable` }),
  },
  'GET /api/v1/api-keys': { roles: KEY_MANAGERS, apiKeys: false, request: () => ({ url: '/api/v1/api-keys' }) },
  'POST /api/v1/api-keys': {
    roles: KEY_MANAGERS,
    apiKeys: false,
    request: (fx) => ({ url: '/api/v1/api-keys', payload: { name: `key ${fx.unique()}` } }),
  },
  'DELETE /api/v1/api-keys/:id': {
    roles: KEY_MANAGERS,
    apiKeys: false,
    request: async (fx) => ({ url: `/api/v1/api-keys/${await fx.makeTarget('apikey')}` }),
  },
  'GET /api/v1/audit-events': {
    roles: AUDIT_READERS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/audit-events' }),
  },
  'GET /api/v1/audit-events/verify': {
    roles: AUDIT_READERS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/audit-events/verify' }),
  },
  'GET /api/v1/items': { roles: ITEM_READERS, apiKeys: false, request: () => ({ url: '/api/v1/items' }) },
  'GET /api/v1/items/export': {
    roles: ['customer_service', 'channel_management', 'compliance', 'auditor'],
    apiKeys: false,
    request: () => ({ url: '/api/v1/items/export' }),
  },
  'GET /api/v1/items/:itemNo': {
    roles: ITEM_READERS,
    apiKeys: false,
    request: (fx) => ({ url: `/api/v1/items/${fx.itemNo}` }),
  },
  'GET /api/v1/customers/:id': {
    roles: [...ITEM_READERS, 'business_support'],
    apiKeys: false,
    request: (fx) => ({ url: `/api/v1/customers/${fx.customerId}` }),
  },
  'POST /api/v1/customers/:id/reveal': {
    roles: ['customer_service', 'channel_back_office', 'compliance'],
    apiKeys: false,
    request: (fx) => ({
      url: `/api/v1/customers/${fx.customerId}/reveal`,
      payload: { field: 'phone', reason: '客户来电核实联系方式' },
    }),
  },
  'GET /api/v1/scans': {
    roles: ['customer_service', 'compliance', 'it_operations', 'auditor', 'administrator'],
    apiKeys: false,
    request: () => ({ url: '/api/v1/scans' }),
  },
  'POST /api/v1/scans': {
    roles: ['it_operations', 'administrator'],
    apiKeys: false,
    request: () => ({ url: '/api/v1/scans', payload: { asOf: '2026-12-01' } }),
  },
};
