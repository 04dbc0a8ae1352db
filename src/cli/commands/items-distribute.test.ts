import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn, scanTwoSharingPolicies } from '../../../test/cli.js';
import { tempDir } from '../../../test/harness.js';

const dataDir = tempDir('veracity-cli-distribute-');

const veracity = cliOn(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('veracity items distribute (P5.13)', () => {
  it('distributes every open item by the rules and the fallback, the link-mates together', () => {
    for (const step of scanTwoSharingPolicies(veracity, dataDir)) expect(step.status, step.stderr).toBe(0);

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
