import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { type ComplaintImportLine, importComplaints, sellersToRecheck } from './complaints.service.js';

function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    complaintNo: 'C2026-00031',
    agentCode: 'A10023',
    policyNo: 'P2026052100017',
    receivedOn: '2026-06-02',
    kind: 'misleading_sales',
    verified: true,
    verifiedOn: '2026-06-20',
    summary: '客户张伟反映销售人员夸大分红收益',
    ...overrides,
  };
}

/** A verified misleading-sales complaint of `agentCode`, verified on `verifiedOn`. */
function verifiedOn(complaintNo: string, agentCode: string, day: string, overrides: Record<string, unknown> = {}) {
  return complaint({ complaintNo, agentCode, receivedOn: day, verifiedOn: day, policyNo: null, ...overrides });
}

async function count(store: TestStore, table: 'complaints' | 'complaint_versions'): Promise<number> {
  const row = await store.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('complaints on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
  });
  afterEach(async () => {
    await store.destroy();
  });

  async function load(records: unknown[], name = 'complaints.jsonl'): Promise<ComplaintImportLine[]> {
    const lines: ComplaintImportLine[] = [];
    await importComplaints(store, writeJsonl(store.dir, name, records), (line) => lines.push(line));
    return lines;
  }

  it('stores each complaint with only the rule fields in the clear and the whole record sealed', async () => {
    const summary = await importComplaints(
      store,
      writeJsonl(store.dir, 'c.jsonl', [
        complaint(),
        complaint({ complaintNo: 'C2', kind: 'service', verified: false, verifiedOn: null }),
      ]),
    );
    expect(summary).toMatchObject({ linesRead: 2, created: 2, updated: 0, unchanged: 0, rejected: 0, malformed: 0 });
    const row = await store.db.kysely
      .selectFrom('complaints')
      .selectAll()
      .where('complaint_no', '=', 'C2026-00031')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      agent_code: 'A10023',
      policy_no: 'P2026052100017',
      received_on: '2026-06-02',
      kind: 'misleading_sales',
      verified: 1,
      verified_on: '2026-06-20',
      version: 1,
    });
    expect(Object.keys(row).sort()).toEqual(
      [
        'agent_code',
        'complaint_no',
        'content_digest',
        'created_at',
        'kind',
        'policy_no',
        'received_on',
        'sealed',
        'updated_at',
        'verified',
        'verified_on',
        'version',
      ].sort(),
    );
    expect(store.sealer.open(row.sealed, 'complaint')).toMatchObject({ summary: complaint().summary });
    expect(() => store.sealer.open(row.sealed, 'agent')).toThrow();
    const other = await store.db.kysely
      .selectFrom('complaints')
      .select(['verified', 'verified_on', 'policy_no'])
      .where('complaint_no', '=', 'C2')
      .executeTakeFirstOrThrow();
    expect(other).toEqual({ verified: 0, verified_on: null, policy_no: 'P2026052100017' });
    expect(await count(store, 'complaint_versions')).toBe(2);
  });

  it('re-running a file changes nothing, in JSON Lines or CSV form', async () => {
    const records = [complaint(), complaint({ complaintNo: 'C2', verified: false, verifiedOn: null, policyNo: null })];
    await load(records);
    const before = await store.db.kysely.selectFrom('complaints').select(['complaint_no', 'updated_at']).execute();
    const again = await importComplaints(store, path.join(store.dir, 'complaints.jsonl'));
    expect(again).toMatchObject({ linesRead: 2, created: 0, updated: 0, unchanged: 2 });
    // The CSV form of the same register: "true"/"false" cells, empty cells for nulls.
    const csv = path.join(store.dir, 'complaints.csv');
    fs.writeFileSync(
      csv,
      [
        'complaintNo,agentCode,policyNo,receivedOn,kind,verified,verifiedOn,summary',
        'C2026-00031,A10023,P2026052100017,2026-06-02,misleading_sales,true,2026-06-20,客户张伟反映销售人员夸大分红收益',
        'C2,A10023,,2026-06-02,misleading_sales,false,,客户张伟反映销售人员夸大分红收益',
      ].join('\n'),
    );
    expect(await importComplaints(store, csv)).toMatchObject({ linesRead: 2, unchanged: 2 });
    expect(await count(store, 'complaint_versions')).toBe(2);
    expect(await store.db.kysely.selectFrom('complaints').select(['complaint_no', 'updated_at']).execute()).toEqual(
      before,
    );
  });

  it('a complaint verified later becomes a new version; the first stays as history', async () => {
    const pending = complaint({ verified: false, verifiedOn: null });
    expect((await load([pending])).map((l) => l.status)).toEqual(['created']);
    expect(await sellersToRecheck(store, '2026-12-31')).toEqual([]);

    const lines = await load([complaint(), verifiedOn('C9', 'A10023', '2026-07-01')], 'later.jsonl');
    expect(lines.map((l) => [l.complaintNo, l.status])).toEqual([
      ['C2026-00031', 'updated'],
      ['C9', 'created'],
    ]);
    const current = await store.db.kysely
      .selectFrom('complaints')
      .select(['verified', 'verified_on', 'version', 'created_at'])
      .where('complaint_no', '=', 'C2026-00031')
      .executeTakeFirstOrThrow();
    expect(current).toMatchObject({ verified: 1, verified_on: '2026-06-20', version: 2 });
    const versions = await store.db.kysely
      .selectFrom('complaint_versions')
      .select(['version', 'sealed'])
      .where('complaint_no', '=', 'C2026-00031')
      .orderBy('version')
      .execute();
    expect(
      versions.map((v) => [v.version, store.sealer.open<{ verified: boolean }>(v.sealed, 'complaint').verified]),
    ).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await sellersToRecheck(store, '2026-12-31')).toEqual([
      {
        agentCode: 'A10023',
        count: 2,
        complaintNos: ['C2026-00031', 'C9'],
        verifiedOn: ['2026-06-20', '2026-07-01'],
      },
    ]);
    // Going back to the earlier content is a change too, recorded as a third version.
    expect((await load([pending], 'back.jsonl')).map((l) => l.status)).toEqual(['updated']);
    expect(await count(store, 'complaint_versions')).toBe(4);
    expect(await sellersToRecheck(store, '2026-12-31')).toEqual([]);
  });

  it('one file that verifies a complaint in a later line ends on its last line, and re-running it doubles nothing', async () => {
    const records = [complaint({ verified: false, verifiedOn: null }), complaint()];
    expect((await load(records)).map((l) => l.status)).toEqual(['created', 'updated']);
    expect((await load(records)).map((l) => l.status)).toEqual(['updated', 'updated']);
    const row = await store.db.kysely
      .selectFrom('complaints')
      .select(['verified', 'version'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ verified: 1, version: 4 });
  });

  it('reports each rejected or malformed line with its number and reasons, and stores the rest', async () => {
    const file = path.join(store.dir, 'mixed.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify(complaint()),
        '{"complaintNo": "C2", ',
        '',
        JSON.stringify(complaint({ complaintNo: 'C3', kind: 'rudeness' })),
        JSON.stringify(complaint({ complaintNo: 'C4', verifiedOn: null })),
        JSON.stringify(complaint({ complaintNo: 'C5', agentCode: '', receivedOn: '2026-02-30' })),
        '[1, 2]',
        JSON.stringify(complaint({ complaintNo: 'C6', verified: 'yes' })),
        JSON.stringify(complaint({ complaintNo: 'C7', verifiedOn: '2026-05-01' })),
        JSON.stringify(complaint({ complaintNo: 'C8' })),
      ].join('\n'),
    );
    const lines: ComplaintImportLine[] = [];
    const summary = await importComplaints(store, file, (line) => lines.push(line));
    expect(summary).toMatchObject({ linesRead: 9, created: 2, rejected: 5, malformed: 2, unchanged: 0 });
    expect(lines.map((l) => [l.line, l.complaintNo, l.status, l.errors.map((e) => `${e.code} ${e.path}`)])).toEqual([
      [1, 'C2026-00031', 'created', []],
      [2, null, 'malformed', ['RECORD_MALFORMED line 2']],
      [4, 'C3', 'rejected', ['FIELD_INVALID kind']],
      [5, 'C4', 'rejected', ['FIELD_INVALID verifiedOn']],
      [6, 'C5', 'rejected', ['MISSING_FIELD agentCode', 'FIELD_INVALID receivedOn']],
      [7, null, 'malformed', ['RECORD_MALFORMED line 7']],
      [8, 'C6', 'rejected', ['FIELD_INVALID verified']],
      [9, 'C7', 'rejected', ['FIELD_INVALID verifiedOn']],
      [10, 'C8', 'created', []],
    ]);
    const stored = await store.db.kysely
      .selectFrom('complaints')
      .select('complaint_no')
      .orderBy('complaint_no')
      .execute();
    expect(stored.map((r) => r.complaint_no)).toEqual(['C2026-00031', 'C8']);
  });

  it('refuses a file that is not the register, or cannot be read', async () => {
    const csv = path.join(store.dir, 'other.csv');
    fs.writeFileSync(csv, 'agentCode,kind\nA1,agent\n');
    await expect(importComplaints(store, csv)).rejects.toMatchObject({ kind: 'UNREADABLE_FILE' });
    await expect(importComplaints(store, path.join(store.dir, 'nope.jsonl'))).rejects.toMatchObject({
      kind: 'UNREADABLE_FILE',
    });
  });

  it('imports a register larger than one transaction batch', async () => {
    const records = Array.from({ length: 2_345 }, (_, i) =>
      complaint({ complaintNo: `C${i}`, agentCode: `A${i % 7}`, kind: i % 3 === 0 ? 'service' : 'misleading_sales' }),
    );
    const lines: ComplaintImportLine[] = [];
    const summary = await importComplaints(store, writeJsonl(store.dir, 'big.jsonl', records), (l) => lines.push(l));
    expect(summary).toMatchObject({ linesRead: 2_345, created: 2_345 });
    expect(lines.map((l) => l.line)).toEqual(records.map((_, i) => i + 1));
    expect(await count(store, 'complaints')).toBe(2_345);
    expect((await sellersToRecheck(store, '2026-06-20')).map((s) => s.agentCode)).toEqual([
      'A0',
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
    ]);
  });

  describe('sellersToRecheck (P5.14)', () => {
    it('counts verified misleading-sales complaints in (asOf − 1 year, asOf], by seller', async () => {
      await load([
        // Two in the window: due.
        verifiedOn('H1', 'HOT', '2026-06-21'),
        verifiedOn('H2', 'HOT', '2027-06-20'),
        verifiedOn('H3', 'HOT', '2027-06-21'),
        // Exactly one year before as-of: no longer counts, and one is not two.
        verifiedOn('E1', 'EDGE', '2026-06-20'),
        verifiedOn('E2', 'EDGE', '2027-01-10'),
        // Not misleading sales, or not verified: not counted.
        verifiedOn('K1', 'KINDS', '2027-01-10'),
        verifiedOn('K2', 'KINDS', '2027-02-10', { kind: 'service' }),
        verifiedOn('K3', 'KINDS', '2027-03-10', { kind: 'claims' }),
        complaint({
          complaintNo: 'K4',
          agentCode: 'KINDS',
          receivedOn: '2027-03-11',
          verified: false,
          verifiedOn: null,
        }),
        // Three, one of them verified after as-of.
        verifiedOn('T1', 'THREE', '2027-05-01'),
        verifiedOn('T2', 'THREE', '2026-12-01'),
        verifiedOn('T3', 'THREE', '2026-07-01'),
      ]);
      expect(await sellersToRecheck(store, '2027-06-20')).toEqual([
        { agentCode: 'HOT', count: 2, complaintNos: ['H1', 'H2'], verifiedOn: ['2026-06-21', '2027-06-20'] },
        {
          agentCode: 'THREE',
          count: 3,
          complaintNos: ['T3', 'T2', 'T1'],
          verifiedOn: ['2026-07-01', '2026-12-01', '2027-05-01'],
        },
      ]);
      // A day later the first of HOT is exactly a year old, and H3 comes in.
      expect((await sellersToRecheck(store, '2027-06-21')).find((s) => s.agentCode === 'HOT')).toMatchObject({
        complaintNos: ['H2', 'H3'],
      });
      // The verification day itself counts; the day before it, the complaint is not yet verified.
      expect((await sellersToRecheck(store, '2026-06-21')).map((s) => s.agentCode)).toEqual([]);
      expect((await sellersToRecheck(store, '2027-01-10')).map((s) => s.agentCode)).toEqual(['EDGE', 'THREE']);
      expect((await sellersToRecheck(store, '2027-01-09')).map((s) => s.agentCode)).toEqual(['THREE']);
      // Long after: nothing left in the window.
      expect(await sellersToRecheck(store, '2028-07-01')).toEqual([]);
    });

    it('handles 29 February at both ends of the window', async () => {
      await load([
        // As of 2028-02-29 the window starts after 2027-02-28.
        verifiedOn('A1', 'LEAP_START', '2027-02-28'),
        verifiedOn('A2', 'LEAP_START', '2027-03-01'),
        verifiedOn('A3', 'LEAP_START', '2028-02-29'),
        // Verified on 2028-02-29: counted through 2029-02-28, gone on 2029-03-01.
        verifiedOn('B1', 'LEAP_END', '2028-02-29'),
        verifiedOn('B2', 'LEAP_END', '2028-12-01'),
      ]);
      expect(await sellersToRecheck(store, '2028-02-29')).toEqual([
        { agentCode: 'LEAP_START', count: 2, complaintNos: ['A2', 'A3'], verifiedOn: ['2027-03-01', '2028-02-29'] },
      ]);
      // The day before, A3 is not yet verified; the day after, A2 is exactly a year old.
      expect((await sellersToRecheck(store, '2028-02-28')).map((s) => s.agentCode)).toEqual([]);
      expect((await sellersToRecheck(store, '2028-03-01')).map((s) => s.agentCode)).toEqual([]);
      expect(await sellersToRecheck(store, '2029-02-28')).toEqual([
        { agentCode: 'LEAP_END', count: 2, complaintNos: ['B1', 'B2'], verifiedOn: ['2028-02-29', '2028-12-01'] },
      ]);
      expect(await sellersToRecheck(store, '2029-03-01')).toEqual([]);
    });

    it('refuses an as-of day that is not a real date', async () => {
      for (const asOf of ['2027-02-29', '2027-6-1', 'yesterday']) {
        await expect(sellersToRecheck(store, asOf), asOf).rejects.toMatchObject({ kind: 'BAD_INPUT' });
      }
    });
  });
});
