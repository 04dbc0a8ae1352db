import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgents } from '../src/modules/agents/agents.service.js';
import { importComplaints } from '../src/modules/complaints/complaints.service.js';
import { type ImportSummary, importApplications } from '../src/modules/intake/intake.service.js';
import { type ProblemItem, type ScanResult, scanBook } from '../src/modules/linkage/scan.service.js';
import { fixedClock } from '../src/platform/clock.js';
import { type PlantedLink, plantedLinks } from './generators/planted-links.js';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from './harness.js';

/**
 * The scan (INTERCHANGE §5) over a generated book with planted links: it must raise exactly the
 * planted items — no fewer, no more — one link per shared value, and on the next day exactly what
 * that day adds.
 */
const book = plantedLinks();
const SHOWN = 25;

const clue = (i: ProblemItem) => `${i.rule} ${i.policyNo}`;

/** Missing and unexpected items, each with what was planted on its policy. */
function mismatches(expected: readonly string[], items: readonly ProblemItem[]): string[] {
  const actual = items.map(clue);
  const left = new Map<string, number>();
  for (const k of actual) left.set(k, (left.get(k) ?? 0) + 1);
  const missing: string[] = [];
  for (const k of expected) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else missing.push(k);
  }
  const unexpected = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  const planted = (k: string) => book.plantOf[k.split(' ')[1] ?? ''] ?? 'nothing planted';
  return [
    ...missing.map((k) => `missing     ${k}  ← ${planted(k)}`),
    ...unexpected.sort().map((k) => `unexpected  ${k}  ← ${planted(k)}`),
  ];
}

function report(expected: readonly string[], items: readonly ProblemItem[]): string {
  const lines = mismatches(expected, items);
  return `${lines.length} mismatches (expected ${expected.length}, raised ${items.length}); the first ${Math.min(SHOWN, lines.length)}:\n${lines.slice(0, SHOWN).join('\n')}`;
}

/**
 * Every planted link's items share one linkId (the same on both days), no two links share one,
 * and each item of a shared value lists the link's other policies as related.
 */
function linkProblems(items: readonly ProblemItem[], day: 'first' | 'next', linkIds: Map<string, string>): string[] {
  const byClue = new Map(items.map((i) => [clue(i), i]));
  const keyOf = new Map([...linkIds].map(([key, id]) => [id, key]));
  const problems: string[] = [];
  for (const link of book.links.filter((l: PlantedLink) => l.day === day)) {
    const raised = link.items.map((p) => byClue.get(`${link.rule} ${p}`)).filter((i) => i !== undefined);
    const ids = new Set(raised.map((i) => i.linkId));
    const [id] = ids;
    if (ids.size > 1 || id === undefined) {
      problems.push(`${link.key}: ${ids.size} linkIds for ${link.items.length} items ← ${link.plant}`);
      continue;
    }
    const known = linkIds.get(link.key);
    if (known !== undefined && known !== id)
      problems.push(`${link.key}: another linkId than the first day's ← ${link.plant}`);
    const other = keyOf.get(id);
    if (other !== undefined && other !== link.key) problems.push(`${link.key}: the linkId of ${other} ← ${link.plant}`);
    linkIds.set(link.key, id);
    keyOf.set(id, link.key);
    // COMPLAINT_RECHECK items are one link per seller, with no related policies of their own.
    if (link.rule === 'COMPLAINT_RECHECK') continue;
    for (const item of raised) {
      const related = [...item.relatedPolicyNos].sort().join(',');
      const others = link.policies.filter((p) => p !== item.policyNo).join(',');
      if (related !== others) {
        problems.push(`${clue(item)}: related [${related}], planted [${others}] ← ${link.plant}`);
      }
    }
  }
  return problems;
}

describe.each(DIALECTS)('the scan over a book of planted links on %s', (dialect) => {
  let store: TestStore;
  let imported: ImportSummary;
  let first: ScanResult;
  const linkIds = new Map<string, string>();

  beforeAll(async () => {
    store = await createTestStore(dialect, { clock: fixedClock(`${book.nextDay}T08:00:00+08:00`) });
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', book.agents));
    await importComplaints(store, writeJsonl(store.dir, 'complaints.jsonl', book.complaints));
    imported = await importApplications(store, writeJsonl(store.dir, 'book.jsonl', book.applications));
    first = await scanBook(store, { asOf: book.scanDay });
  }, 120_000);

  afterAll(async () => {
    await store?.destroy();
  });

  it('takes in every application: all are gate-clean', () => {
    expect(imported).toMatchObject({ accepted: book.applications.length, rejected: 0, malformed: 0 });
    expect(first.applications).toBe(book.entered.before);
  });

  it('raises exactly the planted items as of the scan day', () => {
    const lines = mismatches(book.expected, first.items);
    expect(lines, report(book.expected, first.items)).toEqual([]);
  });

  it('gives the items of one link one linkId, each listing the link’s other policies as related', () => {
    const problems = linkProblems(first.items, 'first', linkIds);
    expect(problems.slice(0, SHOWN), `${problems.length} link problems`).toEqual([]);
  });

  it('adds nothing when the same day is scanned again', async () => {
    const again = await scanBook(store, { asOf: book.scanDay });
    expect(again.applications).toBe(0);
    expect(again.items.map(clue)).toEqual([]);
  });

  it('the next day adds exactly the planted next-day items, after a clearing and a late verification', async () => {
    await importComplaints(store, writeJsonl(store.dir, 'complaints-later.jsonl', book.complaintUpdates));
    for (const cleared of book.clearAfterFirstScan) {
      const item = first.items.find((i) => i.rule === cleared.rule && i.policyNo === cleared.policyNo);
      if (!item) throw new Error(`no item to clear: ${cleared.rule} ${cleared.policyNo}`);
      await store.db.kysely
        .updateTable('links')
        .set((eb) => ({ status: 'cleared', cleared_members: eb.ref('members') }))
        .where('link_id', '=', item.linkId)
        .execute();
    }
    const next = await scanBook(store, { asOf: book.nextDay });
    expect(next.applications).toBe(book.entered.on);
    expect(mismatches(book.nextDayExpected, next.items), report(book.nextDayExpected, next.items)).toEqual([]);
    const problems = linkProblems(next.items, 'next', linkIds);
    expect(problems.slice(0, SHOWN), `${problems.length} link problems`).toEqual([]);
    const again = await scanBook(store, { asOf: book.nextDay });
    expect(again.items.map(clue)).toEqual([]);
  });
});
