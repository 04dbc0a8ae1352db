import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn, scanTwoSharingPolicies } from '../../../test/cli.js';
import { tempDir } from '../../../test/harness.js';

const dataDir = tempDir('veracity-cli-items-');

const veracity = cliOn(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('veracity items escalate and holds', () => {
  it('escalates overdue items to staff with an address, once, and exports the held policies', () => {
    for (const step of scanTwoSharingPolicies(veracity, dataDir)) expect(step.status, step.stderr).toBe(0);
    const added = veracity(
      ['users', 'add', 'hegui', '--role', 'compliance', '--email', 'hegui@insurer.example'],
      'Strong-pass-2026\n',
    );
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('hegui@insurer.example');

    const escalated = veracity(['items', 'escalate', '--as-of', '2026-12-04']);
    expect(escalated.status, escalated.stderr).toBe(0);
    expect(escalated.stdout).toContain(
      '已升级 (escalated) 2026-12-04: 2 件 (items)，通知 2 条 (notifications)，邮件 1 封',
    );
    expect(veracity(['items', 'escalate', '--as-of', '2026-12-04']).stdout).toContain(': 0 件');
    expect(veracity(['items', 'escalate', '--as-of', '12/04/2026']).status).toBe(2);
    // A day to come would mark items escalated before they are overdue: refused, nothing marked.
    const early = veracity(['items', 'escalate', '--as-of', '2999-01-04']);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('升级日期不得晚于今天');
    expect(early.stderr).toContain('may not be after today');

    const csv = veracity(['items', 'holds']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(
      'policyNo,channel,branchCode,agentCode,openItems,oldestDueOn\r\n' +
        'P2,agent,GD-GZ,A10023,1,2026-12-03\r\nP2026112900001,agent,GD-GZ,A10023,1,2026-12-03\r\n',
    );
    const out = path.join(dataDir, 'holds.jsonl');
    const jsonl = veracity(['items', 'holds', '--format', 'jsonl', '--out', out]);
    expect(jsonl.stdout).toContain('已导出 (exported): 2');
    expect(
      fs
        .readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).policyNo),
    ).toEqual(['P2', 'P2026112900001']);
    expect(veracity(['items', 'holds', '--format', 'xml']).status).toBe(2);
  }, 120_000);
});
