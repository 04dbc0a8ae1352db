import ExcelJS from 'exceljs';
import type { Deps } from '../../platform/context.js';
import type { ItemFilter, ListedItem } from './linkage.repository.js';
import * as repo from './linkage.repository.js';
import type { ProblemItem } from './scan.service.js';

export interface ListedProblemItem extends ProblemItem {
  channel: string | null;
  branchCode: string | null;
  agentCode: string | null;
}

function toItem(row: ListedItem): ListedProblemItem {
  return {
    itemNo: row.item_no,
    policyNo: row.policy_no,
    rule: row.rule as ProblemItem['rule'],
    relatedPolicyNos: JSON.parse(row.related_policy_nos),
    linkId: row.link_id,
    detectedOn: row.detected_on,
    dueOn: row.due_on,
    coolingOffEndsOn: row.cooling_off_ends_on,
    status: row.status,
    channel: row.channel,
    branchCode: row.branch_code,
    agentCode: row.agent_code,
  };
}

/** Problem items, newest first, page by page (P5.13: customer service distributes from this list). */
export async function listItems(
  deps: Deps,
  filter: ItemFilter,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<ListedProblemItem[]> {
  return (await repo.listItems(deps.db.kysely, filter, page)).map(toItem);
}

const COLUMNS: Array<{ header: string; key: keyof ListedProblemItem; width: number }> = [
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
];

/** Writes the filtered items to an Excel workbook, streamed page by page. Returns the count. */
export async function exportItems(deps: Deps, filter: ItemFilter, file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('问题件');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  let written = 0;
  for (let offset = 0; ; offset += 5000) {
    const items = await listItems(deps, filter, { limit: 5000, offset });
    for (const item of items) {
      sheet.addRow({ ...item, relatedPolicyNos: item.relatedPolicyNos.join(', ') }).commit();
    }
    written += items.length;
    if (items.length < 5000) break;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}
