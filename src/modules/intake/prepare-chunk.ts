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
        malformed.push({
          lineNo: raw.lineNo,
          reason: { zh: '该行不是有效的JSON', en: `the line is not valid JSON (${(error as Error).message})` },
        });
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

export function agentLookupFrom(entries: Iterable<[string, AgentFacts]>): (code: string) => AgentFacts | undefined {
  const map = new Map(entries);
  return (code) => map.get(code);
}
