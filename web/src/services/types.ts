/** The shapes of the API's answers (the HTTP contract in /api/docs/json), as the console reads them. */
import type { Permission, Role } from '../locales/dictionary';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Scope {
  branches: string[];
  channels: string[];
}

export interface Session {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  wholeCompany: boolean;
  permissions: Permission[];
  csrfToken: string;
}

export interface UserRef {
  id: number;
  displayName: string;
}

export interface ProblemItem {
  itemNo: string;
  policyNo: string;
  rule: string;
  relatedPolicyNos: string[];
  linkId: string;
  detectedOn: string;
  dueOn: string;
  coolingOffEndsOn: string | null;
  status: string;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  assignee?: UserRef | null;
  distributedOn?: string | null;
  escalatedOn?: string | null;
  resolution?: string | null;
  legitimateReason?: string | null;
  complianceReview?: boolean;
  overdue?: boolean;
  commissionHold?: boolean;
}

export interface ItemPage {
  items: ProblemItem[];
  total: number;
}

export interface ItemQuery {
  status?: string;
  rule?: string;
  channel?: string;
  branchCode?: string;
  agentCode?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  assignee?: string;
  overdue?: boolean;
  dueToday?: boolean;
  escalated?: boolean;
  linkId?: string;
  sort?: 'dueOn' | 'detectedOn' | 'itemNo';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface DistributeResult {
  itemNo: string;
  assignee: UserRef | null;
  error?: { code: string } & Bilingual;
}

export interface GateIssue {
  code: string;
  path: string;
  message?: string;
  zh?: string;
  en?: string;
}

export interface Evidence {
  id: number;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string | UserRef;
  uploadedAt: string;
}

export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  detail?: string | null;
  note?: string | null;
}

export type ItemAction = 'distribute' | 'assign' | 'work' | 'evidence' | 'correct' | 'submit' | 'verify' | 'compliance';

export interface ItemDetail {
  item: ProblemItem;
  clue: Bilingual & { maskedValue: string | null };
  policies: Array<{
    policyNo: string;
    channel: string | null;
    branchCode: string | null;
    agentCode: string | null;
    status: string;
    inScope: boolean;
  }>;
  customers: Array<{
    customerId: number;
    policyNo: string;
    role: string;
    name: string | null;
    idNo: string | null;
    holdsClueValue: boolean;
  }>;
  timeline?: TimelineEntry[];
  /** The name before the workflow routes (the same lines). */
  history?: TimelineEntry[];
  evidence?: Evidence[];
  linkMates?: Array<{ itemNo: string; policyNo: string; status: string; assignee: UserRef | null }>;
  allowedActions?: ItemAction[];
}

export interface Assignee {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  openItems: number;
}

export interface DistributionRule {
  id?: number;
  priority: number;
  channel: string | null;
  branchPrefix: string | null;
  agentCode: string | null;
  assignee: UserRef;
}

export interface CorrectionResult {
  accepted: boolean;
  errors: GateIssue[];
  warnings: GateIssue[];
  submissionId: number | null;
}

export interface DashboardCounts {
  open: number;
  dueToday: number;
  overdue: number;
  clearedThisWeek: number;
}

export interface Dashboard {
  today: string;
  totals: DashboardCounts;
  byChannel: Array<DashboardCounts & { channel: string | null }>;
  byBranch: Array<DashboardCounts & { branchCode: string | null }>;
  trend: Array<{ day: string; raised: number; cleared: number }>;
  gateRejections: Array<{ code: string; count: number }>;
}

export interface Notification {
  id: number;
  kind: string;
  itemNo: string | null;
  /** Codes, numbers and days (dueOn, rule, …); never a personal value. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface CommissionHold {
  policyNo: string;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  openItems: number;
  oldestDueOn: string;
}

export interface ImportSummary {
  lines: number;
  accepted: number;
  /** Rejected by the gate, or refused as outside the uploader's scope. */
  rejected: number;
  unchanged: number;
  malformed: number;
  /** Of the rejected: outside the uploader's data scope, not stored (upload answer only). */
  refused?: number;
}

export interface ImportBatch {
  batchId: number;
  fileName: string;
  /** running, finished or failed */
  status: string;
  startedAt: string;
  finishedAt: string | null;
  /** null: imported with the CLI */
  uploadedBy: string | null;
  summary: ImportSummary;
}

export interface ImportRecord {
  line: number;
  policyNo: string | null;
  status: string;
  errors: GateIssue[];
}

export interface CustomerPolicy {
  policyNo: string;
  role: string;
  seq: number;
  relation: string | null;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  status: string;
}

export interface CustomerItem {
  itemNo: string;
  policyNo: string;
  rule: string;
  linkId?: string;
  detectedOn?: string;
  dueOn: string;
  status: string;
  overdue?: boolean;
  escalatedOn?: string | null;
}

export interface MaskedValues {
  name: string | null;
  idNo: string | null;
  gender: string | null;
  birthDate: string | null;
  phones: string[];
  address: string | null;
  accountNo: string | null;
}

/**
 * One version of the customer from a policy within the reader's scope (the server leaves out the
 * others): which submission said it, what changed since the previous one listed, the values masked.
 */
export interface ContactVersion {
  version: number;
  recordedAt: string;
  policyNo: string;
  submissionId: number;
  role: string;
  changed: Array<keyof MaskedValues>;
  values: MaskedValues;
}

export interface CustomerLink {
  linkId: string;
  rule: string;
  kind: string;
  status: string;
  households: number;
  members: number;
  firstDetectedOn: string;
  lastDetectedOn: string;
  itemNos: string[];
}

export interface Customer {
  customerId: number;
  version: number;
  idType: string;
  name: string | null;
  idNo: string | null;
  gender: string | null;
  birthDate: string | null;
  phones: string[];
  address: string | null;
  accountNo?: string | null;
  policies: CustomerPolicy[];
  openItems?: CustomerItem[];
  items?: CustomerItem[];
  contactHistory?: ContactVersion[];
  links?: CustomerLink[];
}

export type RevealField = 'name' | 'idNo' | 'phone' | 'address' | 'accountNo';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  status: 'active' | 'disabled';
  email?: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scope: Scope;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}
