import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../../test/cli.js';
import { tempDir, writeJsonl } from '../../../test/harness.js';
import { agent, application, residentId } from '../../../test/records.js';

const dataDir = tempDir('veracity-cli-distribute-');

const veracity = cliOn(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('veracity items distribute (P5.13)', () => {
  it('distributes every open item by the rules and the fallback, the link-mates together', () => {
    expect(veracity(['agents', 'import', writeJsonl(dataDir, 'agents.jsonl', [agent()])]).status).toBe(0);
    const wang = {
      ...(application().applicant as object),
      name: '王磊',
      birthDate: '1975-03-03',
      idNo: residentId('110101', '1975-03-03', '031'),
    };
    const book = [
      application(),
      application({ policyNo: 'P2', applicant: wang, payerAccount: null, beneficiaries: [] }),
    ];
    expect(veracity(['import', writeJsonl(dataDir, 'book.jsonl', book)]).status).toBe(0);
    expect(veracity(['scan', '--as-of', '2026-11-30']).status).toBe(0);

    // Nobody to give them to yet.
    const none = veracity(['items', 'distribute', '--all-open']);
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toContain('未分发 not distributed: 没有可分派的处理人');
    expect(none.stdout).toContain('已分发 (distributed): 0  未分发 (not distributed): 2');

    const added = veracity(
      ['users', 'add', 'neiqin', '--role', 'channel_back_office', '--scope', 'channel:agent', '--scope', 'GD'],
      'Strong-pass-2026\n',
    );
    expect(added.status, added.stderr).toBe(0);
    const run = veracity(['items', 'distribute', '--all-open', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const results = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toEqual([
      { itemNo: 'Q20261130-000001', assignee: { id: 1, displayName: 'neiqin' } },
      { itemNo: 'Q20261130-000002', assignee: { id: 1, displayName: 'neiqin' } },
    ]);
    const again = veracity(['items', 'distribute', 'Q20261130-000001']);
    expect(again.stdout).toContain('Q20261130-000001  未分发 not distributed');
    expect(veracity(['items', 'list', '--status', 'distributed']).stdout.trim().split('\n')).toHaveLength(2);
  }, 120_000);

  it('wants item numbers or --all-open, not both', () => {
    expect(veracity(['items', 'distribute']).status).toBe(2);
    const both = veracity(['items', 'distribute', '--all-open', 'Q20261130-000001']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--all-open');
  }, 60_000);
});
