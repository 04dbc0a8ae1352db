import type { Role } from '../src/shared/roles.js';
import { FILES, multipart } from './cases.js';

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
  /** The id of a fresh notification or upload batch of the calling role's user (any user's without one). */
  ownedBy(kind: 'notification' | 'import', role: Role | undefined): Promise<number>;
  /**
   * A fresh item (on P1 unless told) in this status, assigned to the user of `assignee` and
   * investigated by the user of `investigator`, with the evidence a submission needs if asked.
   */
  caseItem(options: {
    status: string;
    policyNo?: string;
    assignee?: Role;
    investigator?: Role;
    evidence?: boolean;
  }): Promise<string>;
  /** The id of the test user of a role. */
  userId(role: Role): Promise<number>;
  /** An evidence file on an item every item reader may see. */
  evidence(): Promise<{ itemNo: string; id: number }>;
}

export interface RowRequest {
  url: string;
  payload?: unknown;
  /** Extra headers: a multipart body's content type. */
  headers?: Record<string, string>;
}

export interface Row {
  /** 'staff': every signed-in member of staff. */
  roles: readonly Role[] | 'staff';
  apiKeys: boolean;
  /** `role`: who calls (undefined for the 401 and API key checks). */
  request(fx: Fixture, role?: Role): Promise<RowRequest> | RowRequest;
}

/** One small application file as a multipart upload (POST /imports). */
function upload(policyNo: string): RowRequest {
  const boundary = 'access-table-boundary';
  const record = JSON.stringify({ policyNo, channel: 'agent', branchCode: 'GD-GZ' });
  return {
    url: '/api/v1/imports',
    payload: `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="book.jsonl"\r\ncontent-type: application/octet-stream\r\n\r\n${record}\n\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const ITEM_READERS: Role[] = ['customer_service', 'channel_management', 'channel_back_office', 'compliance', 'auditor'];
const AUDIT_READERS: Role[] = ['compliance', 'information_office', 'auditor', 'administrator'];
const KEY_MANAGERS: Role[] = ['it_operations', 'administrator'];
const ITEM_EXPORTERS: Role[] = ['customer_service', 'channel_management', 'compliance', 'auditor'];
/** P5.13: who may work an item (their own), verify one, distribute. */
const ITEM_WORKERS: Role[] = ['customer_service', 'channel_back_office', 'compliance'];
const ITEM_VERIFIERS: Role[] = ['customer_service', 'compliance'];
const DISTRIBUTORS: Role[] = ['customer_service'];
let phones = 0;
/** A phone no correction has used yet: each correction must change something. */
const freshPhone = () => `1370000${String(++phones).padStart(4, '0')}`;
const SUBMITTERS: Role[] = ['channel_back_office', 'business_support'];

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
  'PUT /api/v1/users/:username/email': {
    roles: ['administrator'],
    apiKeys: false,
    request: async (fx) => ({
      url: `/api/v1/users/${await fx.makeTarget('user')}/email`,
      payload: { email: 'escalations@example.com' },
    }),
  },
  'GET /api/v1/notifications': { roles: 'staff', apiKeys: false, request: () => ({ url: '/api/v1/notifications' }) },
  'POST /api/v1/notifications/:id/read': {
    roles: 'staff',
    apiKeys: false,
    request: async (fx, role) => ({ url: `/api/v1/notifications/${await fx.ownedBy('notification', role)}/read` }),
  },
  'GET /api/v1/commission-holds': {
    roles: ITEM_EXPORTERS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/commission-holds' }),
  },
  'GET /api/v1/commission-holds/export': {
    roles: ITEM_EXPORTERS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/commission-holds/export?format=csv' }),
  },
  'GET /api/v1/dashboard': { roles: ITEM_READERS, apiKeys: false, request: () => ({ url: '/api/v1/dashboard' }) },
  'POST /api/v1/imports': { roles: SUBMITTERS, apiKeys: false, request: (fx) => upload(fx.unique()) },
  'GET /api/v1/imports': { roles: SUBMITTERS, apiKeys: false, request: () => ({ url: '/api/v1/imports' }) },
  'GET /api/v1/imports/:batchId': {
    roles: SUBMITTERS,
    apiKeys: false,
    request: async (fx, role) => ({ url: `/api/v1/imports/${await fx.ownedBy('import', role)}` }),
  },
  'GET /api/v1/imports/:batchId/records': {
    roles: SUBMITTERS,
    apiKeys: false,
    request: async (fx, role) => ({
      url: `/api/v1/imports/${await fx.ownedBy('import', role)}/records?outcome=rejected`,
    }),
  },
  'GET /api/v1/imports/:batchId/rejections.xlsx': {
    roles: SUBMITTERS,
    apiKeys: false,
    request: async (fx, role) => ({ url: `/api/v1/imports/${await fx.ownedBy('import', role)}/rejections.xlsx` }),
  },
  'POST /api/v1/items/distribute': {
    roles: DISTRIBUTORS,
    apiKeys: false,
    request: async (fx) => ({
      url: '/api/v1/items/distribute',
      payload: { itemNos: [await fx.caseItem({ status: 'open' })] },
    }),
  },
  'POST /api/v1/items/:itemNo/assign': {
    roles: DISTRIBUTORS,
    apiKeys: false,
    request: async (fx) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'open' })}/assign`,
      payload: { assigneeId: await fx.userId('channel_back_office'), reason: '专人处理' },
    }),
  },
  'GET /api/v1/distribution/rules': {
    roles: DISTRIBUTORS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/distribution/rules' }),
  },
  'PUT /api/v1/distribution/rules': {
    roles: DISTRIBUTORS,
    apiKeys: false,
    request: async (fx) => ({
      url: '/api/v1/distribution/rules',
      payload: { rules: [{ priority: 1, branchPrefix: 'GD', assigneeId: await fx.userId('channel_back_office') }] },
    }),
  },
  'GET /api/v1/distribution/assignees': {
    roles: DISTRIBUTORS,
    apiKeys: false,
    request: () => ({ url: '/api/v1/distribution/assignees' }),
  },
  'POST /api/v1/items/:itemNo/work': {
    roles: ITEM_WORKERS,
    apiKeys: false,
    request: async (fx, role) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'distributed', assignee: role })}/work`,
      payload: { kind: 'call', note: '电话联系客户' },
    }),
  },
  'POST /api/v1/items/:itemNo/evidence': {
    roles: ITEM_WORKERS,
    apiKeys: false,
    request: async (fx, role) => {
      const form = multipart(
        { kind: 'investigation_report' },
        { name: 'report.pdf', type: 'application/pdf', content: FILES.pdf },
      );
      const itemNo = await fx.caseItem({ status: 'distributed', assignee: role });
      return { url: `/api/v1/items/${itemNo}/evidence`, payload: form.payload, headers: form.headers };
    },
  },
  'GET /api/v1/items/:itemNo/evidence/:evidenceId': {
    roles: ITEM_READERS,
    apiKeys: false,
    request: async (fx) => {
      const { itemNo, id } = await fx.evidence();
      return { url: `/api/v1/items/${itemNo}/evidence/${id}` };
    },
  },
  'POST /api/v1/items/:itemNo/correction': {
    roles: ITEM_WORKERS,
    apiKeys: false,
    request: async (fx, role) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'investigating', policyNo: 'P2', assignee: role })}/correction`,
      payload: { party: 'applicant', phones: [freshPhone()] },
    }),
  },
  'POST /api/v1/items/:itemNo/submit': {
    roles: ITEM_WORKERS,
    apiKeys: false,
    request: async (fx, role) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'investigating', assignee: role, evidence: true })}/submit`,
      payload: { resolution: 'legitimate', legitimateReason: 'family', note: '夫妻共用号码' },
    }),
  },
  'POST /api/v1/items/:itemNo/verify': {
    roles: ITEM_VERIFIERS,
    apiKeys: false,
    request: async (fx) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'submitted', investigator: 'channel_back_office' })}/verify`,
      payload: { decision: 'accept' },
    }),
  },
  'POST /api/v1/items/:itemNo/compliance': {
    roles: ['compliance'],
    apiKeys: false,
    request: async (fx) => ({
      url: `/api/v1/items/${await fx.caseItem({ status: 'open' })}/compliance`,
      payload: { action: 'rectification', note: '限期整改' },
    }),
  },
  'POST /api/v1/scans': {
    roles: ['it_operations', 'administrator'],
    apiKeys: false,
    request: () => ({ url: '/api/v1/scans', payload: { asOf: '2026-12-01' } }),
  },
};
