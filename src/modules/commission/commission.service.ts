import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Scope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import * as repo from './commission.repository.js';
import { csvLine, HOLD_COLUMNS } from './holds-csv.js';

/** A policy whose commission is held (缓发手续费) while any of its problem items is not closed. */
export interface CommissionHold {
  policyNo: string;
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
  openItems: number;
  oldestDueOn: string;
}

export type HoldFilter = repo.HoldFilter;

function toHold(row: repo.HoldRow): CommissionHold {
  return {
    policyNo: row.policy_no,
    channel: row.channel,
    branchCode: row.branch_code,
    agentCode: row.agent_code,
    openItems: Number(row.open_items),
    oldestDueOn: row.oldest_due_on,
  };
}

/** One page of the held policies within the caller's scope (P5.21), and how many there are. */
export async function listHolds(
  deps: Deps,
  scope: Scope,
  filter: HoldFilter,
  page: { limit: number; offset: number },
): Promise<{ holds: CommissionHold[]; total: number }> {
  const q = deps.db.kysely;
  const [rows, total] = await Promise.all([repo.listHolds(q, scope, filter, page), repo.countHolds(q, scope, filter)]);
  return { holds: rows.map(toHold), total };
}

const PAGE = 5000;

/** Every held policy within the scope, by policy number, read page by page. */
export async function* eachHold(deps: Deps, scope: Scope, filter: HoldFilter = {}): AsyncGenerator<CommissionHold> {
  let after: string | undefined;
  for (;;) {
    const rows = await repo.listHolds(deps.db.kysely, scope, filter, { limit: PAGE, after });
    for (const row of rows) yield toHold(row);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]?.policy_no;
  }
}

/** P1.3: what left the system for the commission system, and who took it. */
export async function recordHoldsExport(deps: Deps, context: AuditContext, count: number): Promise<void> {
  await deps.db.kysely.transaction().execute((trx) =>
    deps.audit.append(trx, context, [
      {
        type: 'commission_holds.exported',
        objectType: 'commission_holds',
        objectId: 'commission_holds',
        data: { count },
      },
    ]),
  );
}

const XLSX_COLUMNS: Array<{ header: string; key: keyof CommissionHold; width: number }> = [
  { header: '保单号 Policy', key: 'policyNo', width: 20 },
  { header: '渠道 Channel', key: 'channel', width: 14 },
  { header: '机构 Branch', key: 'branchCode', width: 12 },
  { header: '销售人员 Seller', key: 'agentCode', width: 14 },
  { header: '未结问题件 Open items', key: 'openItems', width: 12 },
  { header: '最早截止日 Oldest due', key: 'oldestDueOn', width: 14 },
];

/**
 * Writes the held policies within the scope to `out`, as CSV for the commission system (the fixed
 * header, then a line each) or as JSON lines, waiting whenever the stream is full; returns how
 * many. The caller owns the stream and ends it.
 */
export async function writeHolds(
  deps: Deps,
  scope: Scope,
  out: Writable,
  format: 'csv' | 'jsonl',
  filter: HoldFilter = {},
): Promise<number> {
  const write = async (text: string) => {
    // events.once also rejects if the stream fails while full, rather than waiting for ever.
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') await write(csvLine(HOLD_COLUMNS));
  let count = 0;
  for await (const hold of eachHold(deps, scope, filter)) {
    await write(format === 'csv' ? csvLine(HOLD_COLUMNS.map((c) => hold[c])) : `${JSON.stringify(hold)}\n`);
    count++;
  }
  return count;
}

async function writeFile(deps: Deps, scope: Scope, filter: HoldFilter, file: string, format: 'xlsx' | 'csv') {
  if (format === 'xlsx') {
    let count = 0;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('缓发手续费');
    sheet.columns = XLSX_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    for await (const hold of eachHold(deps, scope, filter)) {
      sheet.addRow(hold).commit();
      count++;
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }
  const out = createWriteStream(file);
  const count = await writeHolds(deps, scope, out, 'csv', filter);
  out.end();
  await finished(out);
  return count;
}

/**
 * The held policies within the caller's scope as a file for the commission system, written to a
 * temporary file that goes when the stream closes, with an audit event naming the count.
 */
export async function exportHolds(
  deps: Deps,
  context: AuditContext,
  scope: Scope,
  format: 'xlsx' | 'csv',
  filter: HoldFilter = {},
): Promise<{ stream: Readable; fileName: string; count: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veracity-holds-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, `holds.${format}`);
    const count = await writeFile(deps, scope, filter, file, format);
    await recordHoldsExport(deps, context, count);
    const stream = createReadStream(file);
    stream.on('close', () => void removeDir());
    return { stream, fileName: `commission-holds-${chinaToday(deps.clock)}.${format}`, count };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
