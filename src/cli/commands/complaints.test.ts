import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../../test/cli.js';
import { tempDir, writeJsonl } from '../../../test/harness.js';

const dataDir = tempDir('veracity-cli-complaints-');

const veracity = cliOn(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const complaint = (complaintNo: string, agentCode: string, verifiedOn: string | null, kind = 'misleading_sales') => ({
  complaintNo,
  agentCode,
  policyNo: null,
  receivedOn: '2026-01-05',
  kind,
  verified: verifiedOn !== null,
  verifiedOn,
  summary: '客户反映销售人员夸大分红收益',
});

describe('veracity complaints', () => {
  it('imports the register with one result per line, then is idempotent', () => {
    const file = writeJsonl(dataDir, 'complaints.jsonl', [
      complaint('C1', 'A1', '2026-02-01'),
      complaint('C2', 'A1', '2026-09-30'),
      complaint('C3', 'A2', '2026-03-01'),
      complaint('C4', 'A2', null),
      { ...complaint('C5', 'A3', '2026-03-01'), kind: 'rudeness' },
    ]);
    const run = veracity(['complaints', 'import', file, '--json']);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.complaintNo, l.status, l.errors.map((e: { code: string }) => e.code)])).toEqual([
      [1, 'C1', 'created', []],
      [2, 'C2', 'created', []],
      [3, 'C3', 'created', []],
      [4, 'C4', 'created', []],
      [5, 'C5', 'rejected', ['FIELD_INVALID']],
    ]);
    expect(lines[4].warnings).toEqual([]);
    expect(run.stderr).toMatch(/读取 \(read\): 5 {2}新增 \(created\): 4/);

    const again = veracity(['complaints', 'import', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^第 5 行 \(line 5\) rejected: FIELD_INVALID kind: 字段取值/m);
    expect(again.stdout).toMatch(/未变 \(unchanged\): 4/);
  });

  it('lists the sellers due for the P5.14 re-check as of a day', () => {
    // As of 2027-01-31 both of A1's count; a day later C1 is exactly a year old (see the db tests).
    const run = veracity(['complaints', 'recheck', '--as-of', '2027-01-31', '--json']);
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ agentCode: 'A1', count: 2, complaintNos: ['C1', 'C2'], verifiedOn: ['2026-02-01', '2026-09-30'] }]);
    expect(run.stderr).toContain('2026-01-31');
    const text = veracity(['complaints', 'recheck', '--as-of', '2026-12-31']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('2025-12-31');
    expect(text.stdout).toMatch(
      /^A1 {2}2 次经核实的销售误导投诉 \(verified misleading-sales complaints\): 2026-02-01, 2026-09-30/m,
    );
    expect(text.stdout).toMatch(/须复核的销售人员 \(sellers to re-check\): 1/);
  });

  it('refuses an impossible as-of day (exit 2)', () => {
    const bad = veracity(['complaints', 'recheck', '--as-of', '2027-02-29']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be a real date');
  });
});
