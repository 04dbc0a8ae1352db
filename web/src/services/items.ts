import { download, get, post, put, upload } from './http';
import type {
  Assignee,
  CorrectionResult,
  DistributeResult,
  DistributionRule,
  Evidence,
  ItemDetail,
  ItemPage,
  ItemQuery,
  ProblemItem,
} from './types';

const item = (itemNo: string) => `/items/${encodeURIComponent(itemNo)}`;

/** One page of items; every filter is the server's (it pages and counts). */
export const listItems = (query: ItemQuery, signal?: AbortSignal) => get<ItemPage>('/items', { ...query }, signal);

/** The same filters as the list, as an Excel workbook. */
export const exportItems = (query: Omit<ItemQuery, 'limit' | 'offset'>) =>
  download('/items/export', { ...query }, 'problem-items.xlsx');

export const getItem = (itemNo: string) => get<ItemDetail>(item(itemNo));

export const distributeItems = (itemNos: string[]) =>
  post<{ results: DistributeResult[] }>('/items/distribute', { itemNos });

export const assignItem = (itemNo: string, body: { assigneeId: number; reason: string }) =>
  post<unknown>(`${item(itemNo)}/assign`, body);

export const recordWork = (itemNo: string, body: { kind: string; note: string }) =>
  post<unknown>(`${item(itemNo)}/work`, body);

/** Multipart: the `kind` field first, then the file (the server reads the fields in order). */
export function uploadEvidence(itemNo: string, kind: string, file: File) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return upload<{ evidence: Evidence }>(`${item(itemNo)}/evidence`, form);
}

/** Where an evidence file downloads from (a plain link: the session cookie goes along). */
export const evidenceUrl = (itemNo: string, evidenceId: number) =>
  `/api/v1${item(itemNo)}/evidence/${encodeURIComponent(String(evidenceId))}`;

export interface CorrectionRequest {
  party: 'applicant' | 'insured';
  phones?: string[];
  address?: string;
  accountNo?: string;
}

export const submitCorrection = (itemNo: string, body: CorrectionRequest) =>
  post<CorrectionResult>(`${item(itemNo)}/correction`, body);

export const submitItem = (itemNo: string, body: { resolution: string; legitimateReason?: string; note: string }) =>
  post<ProblemItem | { item: ProblemItem }>(`${item(itemNo)}/submit`, body);

export const verifyItem = (itemNo: string, body: { decision: 'accept' | 'return'; reason?: string }) =>
  post<unknown>(`${item(itemNo)}/verify`, body);

export const complianceAction = (itemNo: string, body: { action: string; note: string }) =>
  post<unknown>(`${item(itemNo)}/compliance`, body);

export const listAssignees = () => get<{ assignees: Assignee[] }>('/distribution/assignees');
export const listRules = () => get<{ rules: DistributionRule[] }>('/distribution/rules');

export interface RuleInput {
  priority: number;
  channel: string | null;
  branchPrefix: string | null;
  agentCode: string | null;
  assigneeId: number;
}

export const saveRules = (rules: RuleInput[]) => put<{ rules: DistributionRule[] }>('/distribution/rules', { rules });
