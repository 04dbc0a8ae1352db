import type { Sealer } from '../../platform/crypto/sealer.js';
import type { AgentFacts, GateContext } from './gate.js';
import { prepareSubmission } from './prepare-submission.js';
import type { MalformedLine, PreparedSubmission } from './prepared.js';
import type { RawRecord } from './record-source.js';

export interface PreparedChunk {
  prepared: PreparedSubmission[];
  malformed: MalformedLine[];
}

/** Parses, gates, seals and indexes a chunk of raw records (in a worker or in-process). */
export function prepareChunk(records: readonly RawRecord[], context: GateContext, sealer: Sealer): PreparedChunk {
  const prepared: PreparedSubmission[] = [];
  const malformed: MalformedLine[] = [];
  for (const raw of records) {
    let record: unknown;
    if ('text' in raw) {
      try {
        record = JSON.parse(raw.text);
      } catch (error) {
        malformed.push({ lineNo: raw.lineNo, reason: invalidJson(error) });
        continue;
      }
    } else {
      record = raw.record;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      malformed.push({ lineNo: raw.lineNo, reason: { zh: '该行不是JSON对象', en: 'the line is not a JSON object' } });
      continue;
    }
    prepared.push(prepareSubmission(record, raw.lineNo, context, sealer));
  }
  return { prepared, malformed };
}

/**
 * Where a line stops being JSON, never what it says: the parser's own message quotes the text
 * around the fault, which may be a name or an ID number, and the reason is stored and shown.
 */
export function invalidJson(error: unknown): { zh: string; en: string } {
  const at = /position (\d+)/.exec(String((error as Error)?.message ?? ''))?.[1];
  return at === undefined
    ? { zh: '该行不是有效的JSON', en: 'the line is not valid JSON' }
    : {
        zh: `该行不是有效的JSON（第 ${Number(at) + 1} 个字符处）`,
        en: `the line is not valid JSON (at character ${Number(at) + 1})`,
      };
}

export function agentLookupFrom(entries: Iterable<[string, AgentFacts]>): (code: string) => AgentFacts | undefined {
  const map = new Map(entries);
  return (code) => map.get(code);
}
