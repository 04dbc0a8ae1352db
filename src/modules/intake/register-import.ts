import type { Kysely } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { type Issue, issue } from '../../shared/codes.js';
import { assertReadable, readRecords } from './record-source.js';

/** One line of a register import (agents, complaints), in file order. */
export interface RegisterLine {
  line: number;
  status: 'created' | 'updated' | 'unchanged' | 'rejected' | 'malformed';
  errors: Issue[];
  warnings: Issue[];
}

export interface RegisterSummary {
  file: string;
  linesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  malformed: number;
}

const BATCH = 1000;

/**
 * Reads a register file (JSON Lines, CSV or XLSX) and stores its records in transactions of 1,000,
 * reporting one result per line in file order. A line that is not a JSON object is reported as
 * malformed with its number and does not stop the rest.
 */
export async function importRegister<L extends RegisterLine>(
  deps: Deps,
  file: string,
  register: {
    /** Columns a CSV/XLSX header must have, e.g. `agentCode`. */
    requiredColumns: readonly string[];
    store(trx: Kysely<Database>, record: Record<string, unknown>, lineNo: number): Promise<L>;
    malformed(lineNo: number, errors: Issue[]): L;
  },
  onLine?: (line: L) => void,
): Promise<RegisterSummary> {
  assertReadable(file);
  const summary: RegisterSummary = {
    file,
    linesRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    malformed: 0,
  };
  let pending: Array<{ record: Record<string, unknown> | undefined; lineNo: number }> = [];
  const flush = async () => {
    const lines = await deps.db.kysely.transaction().execute(async (trx) => {
      const out: L[] = [];
      for (const p of pending) {
        out.push(
          p.record
            ? await register.store(trx, p.record, p.lineNo)
            : register.malformed(p.lineNo, [
                issue('RECORD_MALFORMED', `line ${p.lineNo}`, {
                  zh: '该行不是JSON对象',
                  en: 'the line is not a JSON object',
                }),
              ]),
        );
      }
      return out;
    });
    for (const line of lines) {
      summary[line.status]++;
      onLine?.(line);
    }
    pending = [];
  };
  for await (const raw of readRecords(file, { requiredColumns: register.requiredColumns })) {
    summary.linesRead++;
    pending.push({ record: recordOf(raw), lineNo: raw.lineNo });
    if (pending.length >= BATCH) await flush();
  }
  if (pending.length > 0) await flush();
  return summary;
}

function recordOf(raw: { text: string } | { record: unknown }): Record<string, unknown> | undefined {
  let record: unknown;
  if ('text' in raw) {
    try {
      record = JSON.parse(raw.text);
    } catch {
      return undefined;
    }
  } else record = raw.record;
  return typeof record === 'object' && record !== null && !Array.isArray(record)
    ? (record as Record<string, unknown>)
    : undefined;
}
