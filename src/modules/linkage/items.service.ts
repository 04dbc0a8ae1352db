import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Scope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { type ItemStatus, isOverdue } from '../cases/case-rules.js';
import type { ItemFilter, ItemSort, ListedItem } from './items.repository.js';
import * as repo from './items.repository.js';
import type { ProblemItem } from './scan.service.js';

/** A problem item as staff list it: where its policy sits, who has it, and whether it is late. */
export interface ListedProblemItem extends ProblemItem {
  status: ItemStatus;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  assignee: { id: number; displayName: string } | null;
  distributedOn: string | null;
  escalatedOn: string | null;
  resolution: string | null;
  complianceReview: boolean;
  /** P5.13: still owed and past its due day (China date). */
  overdue: boolean;
  /** The policy has an item not closed: its commission is held (缓发手续费). */
  commissionHold: boolean;
}

/** What turns rows into listed items: today's China date and the policies holding commission. */
export interface ListingContext {
  today: string;
  holding: ReadonlySet<string>;
}

/** What a listing may be narrowed to: the caller's data scope (P5.21) and an order. */
export interface ListOptions {
  scope?: Scope;
  sort?: ItemSort;
}

export function toItem(row: ListedItem, context: ListingContext): ListedProblemItem {
  return {
    itemNo: row.item_no,
    policyNo: row.policy_no,
    rule: row.rule as ProblemItem['rule'],
    relatedPolicyNos: JSON.parse(row.related_policy_nos),
    linkId: row.link_id,
    detectedOn: row.detected_on,
    dueOn: row.due_on,
    coolingOffEndsOn: row.cooling_off_ends_on,
    status: row.status as ItemStatus,
    channel: row.channel,
    branchCode: row.branch_code,
    agentCode: row.agent_code,
    assignee: row.assignee_id === null ? null : { id: Number(row.assignee_id), displayName: row.assignee_name ?? '' },
    distributedOn: row.distributed_on,
    escalatedOn: row.escalated_on,
    resolution: row.resolution,
    complianceReview: row.compliance_review === 1,
    overdue: isOverdue({ status: row.status, dueOn: row.due_on }, context.today),
    commissionHold: context.holding.has(row.policy_no),
  };
}

/** Turns rows into listed items: one query for the commission holds of the rows' policies. */
export async function toItems(deps: Deps, rows: ListedItem[]): Promise<ListedProblemItem[]> {
  const holding = await repo.policiesHoldingCommission(deps.db.kysely, [...new Set(rows.map((r) => r.policy_no))]);
  const context = { today: chinaToday(deps.clock), holding };
  return rows.map((r) => toItem(r, context));
}

/** Problem items, newest first unless sorted, page by page (P5.13: customer service distributes from this list). */
export async function listItems(
  deps: Deps,
  filter: ItemFilter,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
  options: ListOptions = {},
): Promise<ListedProblemItem[]> {
  return toItems(deps, await repo.listItems(deps.db.kysely, filter, page, options));
}

/** One page of the items within the caller's scope, and how many there are in all. */
export async function searchItems(
  deps: Deps,
  scope: Scope,
  filter: ItemFilter,
  page: { limit: number; offset: number },
  sort: ItemSort,
): Promise<{ items: ListedProblemItem[]; total: number }> {
  const [items, total] = await Promise.all([
    listItems(deps, filter, page, { scope, sort }),
    repo.countItems(deps.db.kysely, filter, scope),
  ]);
  return { items, total };
}

const COLUMNS: Array<{ header: string; key: keyof ListedProblemItem | 'assigneeName'; width: number }> = [
  { header: '问题件编号 Item', key: 'itemNo', width: 20 },
  { header: '保单号 Policy', key: 'policyNo', width: 18 },
  { header: '规则 Rule', key: 'rule', width: 20 },
  { header: '关联保单 Related', key: 'relatedPolicyNos', width: 30 },
  { header: '关联编号 Link', key: 'linkId', width: 20 },
  { header: '发现日 Detected', key: 'detectedOn', width: 12 },
  { header: '截止日 Due', key: 'dueOn', width: 12 },
  { header: '犹豫期止 Cooling-off ends', key: 'coolingOffEndsOn', width: 14 },
  { header: '状态 Status', key: 'status', width: 10 },
  { header: '渠道 Channel', key: 'channel', width: 14 },
  { header: '机构 Branch', key: 'branchCode', width: 10 },
  { header: '销售人员 Seller', key: 'agentCode', width: 12 },
  { header: '处理人 Assignee', key: 'assigneeName', width: 14 },
  { header: '逾期 Overdue', key: 'overdue', width: 8 },
  { header: '缓发手续费 Commission held', key: 'commissionHold', width: 10 },
];

const yesNo = (value: boolean) => (value ? '是 yes' : '否 no');

/** Writes the filtered items to an Excel workbook, streamed page by page. Returns the count. */
export async function exportItems(
  deps: Deps,
  filter: ItemFilter,
  file: string,
  options: ListOptions = {},
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('问题件');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  let written = 0;
  for (let offset = 0; ; offset += 5000) {
    const items = await listItems(deps, filter, { limit: 5000, offset }, options);
    for (const item of items) {
      sheet
        .addRow({
          ...item,
          relatedPolicyNos: item.relatedPolicyNos.join(', '),
          assigneeName: item.assignee?.displayName ?? '',
          overdue: yesNo(item.overdue),
          commissionHold: yesNo(item.commissionHold),
        })
        .commit();
    }
    written += items.length;
    if (items.length < 5000) break;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/**
 * The export a member of staff downloads: the workbook of the items within their scope, written to
 * a temporary file that goes when the stream closes, and an audit event naming the filter and the
 * count (P1.3: what left the system, and who took it).
 */
export async function exportItemsFor(
  deps: Deps,
  context: AuditContext,
  scope: Scope,
  filter: ItemFilter,
  sort: ItemSort,
): Promise<{ stream: Readable; fileName: string; count: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veracity-export-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'items.xlsx');
    const count = await exportItems(deps, filter, file, { scope, sort });
    const stated = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    await deps.db.kysely
      .transaction()
      .execute((trx) =>
        deps.audit.append(trx, context, [
          { type: 'items.exported', objectType: 'items', objectId: 'problem_items', data: { filter: stated, count } },
        ]),
      );
    const stream = createReadStream(file);
    stream.on('close', () => void removeDir());
    return { stream, fileName: `problem-items-${chinaToday(deps.clock)}.xlsx`, count };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
