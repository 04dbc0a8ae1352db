import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { CODES, type Code } from '../../shared/codes.js';
import * as repo from './imports.repository.js';
import { toRecord, type Uploader, visibleBatch } from './imports.service.js';

const PAGE = 5000;

/** A message built by `issue()` is `zh (en)`: split it at the English part, which starts with the code's own. */
export function splitMessage(code: string, message: string): { zh: string; en: string } {
  const info = CODES[code as Code];
  const at = info ? message.lastIndexOf(` (${info.en}`) : -1;
  if (at < 0 || !message.endsWith(')')) return { zh: info?.zh ?? message, en: info?.en ?? message };
  return { zh: message.slice(0, at), en: message.slice(at + 2, -1) };
}

/**
 * The batch's rejected and malformed lines, one row per reason (line, policy, code, field, zh and
 * en), for the uploader to fix and send again; audited with the count of lines (P1.3).
 */
export async function exportRejections(
  deps: Deps,
  viewer: Uploader,
  context: AuditContext,
  batchId: number,
): Promise<{ stream: Readable; fileName: string; count: number }> {
  await visibleBatch(deps, viewer, batchId);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veracity-rejections-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'rejections.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('未通过 Rejected');
    sheet.columns = [
      { header: '行号 Line', key: 'line', width: 8 },
      { header: '保单号 Policy', key: 'policyNo', width: 20 },
      { header: '结果 Outcome', key: 'status', width: 12 },
      { header: '代码 Code', key: 'code', width: 22 },
      { header: '字段 Field', key: 'path', width: 26 },
      { header: '原因', key: 'zh', width: 50 },
      { header: 'Reason', key: 'en', width: 60 },
    ];
    let count = 0;
    let afterLine: number | undefined;
    for (;;) {
      const rows = await repo.batchRecords(deps.db.kysely, batchId, 'not_accepted', { limit: PAGE, afterLine });
      for (const record of rows.map(toRecord)) {
        count++;
        for (const error of record.errors) {
          sheet.addRow({ ...record, ...error, ...splitMessage(error.code, error.message) }).commit();
        }
      }
      if (rows.length < PAGE) break;
      afterLine = Number(rows[rows.length - 1]?.line_no);
    }
    sheet.commit();
    await workbook.commit();
    await deps.db.kysely.transaction().execute((trx) =>
      deps.audit.append(trx, context, [
        {
          type: 'import.rejections_exported',
          objectType: 'import_batch',
          objectId: String(batchId),
          data: { count },
        },
      ]),
    );
    const stream = createReadStream(file);
    stream.on('close', () => void removeDir());
    return { stream, fileName: `import-${batchId}-rejections.xlsx`, count };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
