/**
 * Names of the server's codes in both languages. The pure tables are the server's own
 * (src/shared/roles.ts, src/modules/cases/case-rules.ts); what lives in server files that also do
 * I/O is mirrored here, and dictionary.test.ts checks the mirror against the server.
 */
import {
  ACTION_KINDS,
  COMPLIANCE_ACTIONS,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  LEGITIMATE_REASONS,
  missingForSubmit,
  RESOLUTIONS,
  HISTORY_ACTIONS as SERVER_HISTORY_ACTIONS,
  stepAllowed,
} from '../../../src/modules/cases/case-rules.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, SCOPED_ROLES } from '../../../src/shared/roles.js';

export type { ItemStatus } from '../../../src/modules/cases/case-rules.js';
export type { Permission, Role } from '../../../src/shared/roles.js';
export {
  ACTION_KINDS,
  COMPLIANCE_ACTIONS,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  LEGITIMATE_REASONS,
  missingForSubmit,
  PERMISSIONS,
  RESOLUTIONS,
  ROLE_PERMISSIONS,
  ROLES,
  SCOPED_ROLES,
  stepAllowed,
};

/** Both languages of one name. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Mirrors SCAN_RULES in src/modules/linkage/problem-items.ts. */
export const SCAN_RULES = {
  SHARED_PHONE: { zh: '多客户共用手机号', en: 'Phone shared by customers' },
  SHARED_ACCOUNT: { zh: '多客户共用账户', en: 'Account shared by customers' },
  AGENT_CONTACT: { zh: '客户预留销售人员联系方式', en: "Seller's contact on a customer" },
  COMPLAINT_RECHECK: { zh: '投诉销售人员保单复查', en: 'Re-check after a complaint' },
} as const satisfies Record<string, Bilingual>;

/** Mirrors CHANNELS in src/shared/contract.ts. */
export const CHANNELS = {
  agent: { zh: '个人代理', en: 'Agents' },
  bancassurance: { zh: '银行保险', en: 'Bancassurance' },
  agency: { zh: '中介代理', en: 'Agencies' },
} as const satisfies Record<string, Bilingual>;

/** A customer's role on a policy (policy_parties.role). */
export const PARTY_ROLES = {
  applicant: { zh: '投保人', en: 'Applicant' },
  insured: { zh: '被保险人', en: 'Insured' },
  beneficiary: { zh: '受益人', en: 'Beneficiary' },
  payer: { zh: '缴费人', en: 'Payer' },
} as const satisfies Record<string, Bilingual>;

/** Mirrors RELATIONS in src/shared/contract.ts. */
export const RELATIONS = {
  self: { zh: '本人', en: 'Self' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  other_relative: { zh: '其他亲属', en: 'Other relative' },
  employer: { zh: '雇主', en: 'Employer' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Bilingual>;

/** Mirrors ID_TYPES in src/shared/contract.ts. */
export const ID_TYPES = {
  RESIDENT_ID: { zh: '居民身份证', en: 'Resident ID card' },
  HMT_RESIDENCE_PERMIT: { zh: '港澳台居民居住证', en: 'HK/Macau/Taiwan residence permit' },
  FOREIGN_PERMANENT_RESIDENT: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID' },
  PASSPORT: { zh: '护照', en: 'Passport' },
  HK_MACAU_PASS: { zh: '港澳居民来往内地通行证', en: 'HK/Macau home-return permit' },
  TAIWAN_PASS: { zh: '台湾居民来往大陆通行证', en: 'Taiwan compatriot permit' },
  MILITARY_ID: { zh: '军官证', en: 'Military ID' },
  BIRTH_CERTIFICATE: { zh: '出生证明', en: 'Birth certificate' },
  OTHER: { zh: '其他证件', en: 'Other' },
} as const satisfies Record<string, Bilingual>;

export const GENDERS = {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
} as const satisfies Record<string, Bilingual>;

/** Lines of an item's timeline (problem_item_history.action): the server's own names. */
export const HISTORY_ACTIONS: Record<string, Bilingual> = SERVER_HISTORY_ACTIONS;

/** The customer fields a correction or a contact change names (timeline notes, contact history). */
export const CUSTOMER_FIELDS = {
  name: { zh: '姓名', en: 'Name' },
  idNo: { zh: '证件号码', en: 'ID number' },
  gender: { zh: '性别', en: 'Gender' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  phones: { zh: '手机号', en: 'Phones' },
  address: { zh: '地址', en: 'Address' },
  accountNo: { zh: '账号', en: 'Account' },
} as const satisfies Record<string, Bilingual>;

/** How an item reached its assignee (the note of a `distributed` line). */
export const ASSIGNED_BY = {
  fallback: { zh: '按数据范围与在办件数', en: 'by scope and load' },
  manual: { zh: '人工指定', en: 'assigned by hand' },
} as const satisfies Record<string, Bilingual>;

/** An application's state (applications.status): whether its last submission passed the gate. */
export const APPLICATION_STATUSES = {
  accepted: { zh: '已通过校验', en: 'Accepted by the gate' },
  rejected: { zh: '未通过校验', en: 'Rejected by the gate' },
} as const satisfies Record<string, Bilingual>;

/** Notification kinds (notifications.kind). */
export const NOTIFICATION_KINDS: Record<string, Bilingual> = {
  'item.escalated': { zh: '问题件逾期升级', en: 'Item overdue and escalated' },
  escalated: { zh: '问题件逾期升级', en: 'Item overdue and escalated' },
  assigned: { zh: '有新分派的问题件', en: 'An item was assigned to you' },
  distributed: { zh: '有新分派的问题件', en: 'An item was assigned to you' },
  returned: { zh: '问题件被退回', en: 'An item was returned' },
  submitted: { zh: '问题件待核实', en: 'An item awaits verification' },
};

/** Ant Design tag colours of the item statuses. */
export const STATUS_COLORS: Record<string, string> = {
  open: 'blue',
  distributed: 'cyan',
  investigating: 'processing',
  submitted: 'gold',
  returned: 'volcano',
  closed: 'success',
};

export const RULE_COLORS: Record<string, string> = {
  SHARED_PHONE: 'geekblue',
  SHARED_ACCOUNT: 'purple',
  AGENT_CONTACT: 'magenta',
  COMPLAINT_RECHECK: 'orange',
};

/** The name of a code in a table, or the code itself when the table does not know it. */
export function nameOf(table: Record<string, Bilingual>, code: string | null | undefined, lang: 'zh' | 'en'): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code]?.[lang] ?? code;
}
