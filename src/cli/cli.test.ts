import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_MAIN, cliOn } from '../../test/cli.js';
import { tempDir, writeJsonl } from '../../test/harness.js';
import { agent, application } from '../../test/records.js';

const dataDir = tempDir('veracity-cli-');

const veracity = cliOn(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the veracity command', () => {
  it('imports the agent register, then applications with one gate outcome per line', () => {
    expect(veracity(['agents', 'import', writeJsonl(dataDir, 'agents.jsonl', [agent()])]).status).toBe(0);
    const file = writeJsonl(dataDir, 'apps.jsonl', [application(), application({ policyNo: 'P2', agentCode: 'X1' })]);
    const run = veracity(['import', file, '--json']);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.policyNo, l.accepted, l.errors.map((e: { code: string }) => e.code)])).toEqual([
      ['P2026112900001', true, []],
      ['P2', false, ['AGENT_UNKNOWN']],
    ]);
    expect(run.stderr).toContain('AGENT_UNKNOWN');
    expect(fs.existsSync(path.join(dataDir, 'veracity.db'))).toBe(true);
  });

  it('prints a readable summary without --json and is idempotent', () => {
    const run = veracity(['import', path.join(dataDir, 'apps.jsonl')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/未变 \(unchanged\): 2/);
  });

  it('exits non-zero with a bilingual message when the file cannot be read', () => {
    const run = veracity(['import', path.join(dataDir, 'nope.jsonl')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无法读取文件');
    expect(run.stderr).toContain('cannot read the file');
    const wrongType = path.join(dataDir, 'apps.txt');
    fs.writeFileSync(wrongType, 'x');
    expect(veracity(['import', wrongType]).status).toBe(2);
  });

  it('lists configuration problems at start-up', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI_MAIN, 'status'], {
      encoding: 'utf8',
      env: { ...process.env, VERACITY_DATA_DIR: dataDir, DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('LOG_LEVEL');
  });

  it('shows what the store holds', () => {
    const run = veracity(['status', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      applications: { accepted: 1, rejected: 1 },
      rejectedByCode: { AGENT_UNKNOWN: 1 },
      customers: 2,
    });
  });

  it('verifies single values from arguments and from standard input', () => {
    const run = veracity(['verify', 'phone', '+86 138-0013-8000', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'phone', valid: true, normalized: '+8613800138000' });
    const piped = veracity(['verify', 'resident-id', '--json'], '11010119800101123X\n110101198001011232\n');
    expect(piped.stdout.trim().split('\n')).toHaveLength(2);
    expect(veracity(['verify', 'dog-licence', 'x']).status).toBe(2);
  });

  it('init --demo loads a demo book on first run, replays its working days, and only reports after that', () => {
    const dir = tempDir('veracity-start-');
    try {
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', CLI_MAIN, '--data-dir', dir, ...args], {
          encoding: 'utf8',
          env: { ...process.env, LOG_LEVEL: 'silent' },
        });
      const first = run(['init', '--demo', '--applications', '400']);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('first run');
      expect(first.stdout).toMatch(/问题件 \(items\) \d+, 已分发 \(distributed\) \d+/);
      const second = run(['init', '--demo']);
      expect(second.stdout).not.toContain('first run');
      expect(JSON.parse(run(['status', '--json']).stdout).applications.accepted).toBeGreaterThan(300);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds staff with the password from standard input, creates API keys, and verifies the audit chain', () => {
    const added = veracity(
      ['users', 'add', 'neiqin', '--role', 'channel_back_office', '--scope', 'channel:agent', '--scope', 'GD'],
      'Strong-pass-2026\n',
    );
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('渠道内勤');
    expect(added.stdout).toContain('channel:agent branch:GD');
    const weak = veracity(['users', 'add', 'kefu', '--role', 'customer_service'], 'short\n');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('password');
    // A back-office member belongs to a channel or branch.
    expect(veracity(['users', 'add', 'bo', '--role', 'channel_back_office'], 'Strong-pass-2026\n').status).toBe(2);
    const key = veracity(['apikeys', 'create', 'core system', '--scope', 'bancassurance']);
    expect(key.status).toBe(0);
    expect(key.stdout.trim()).toMatch(/^vk_[A-Za-z0-9_-]{43}$/);
    expect(veracity(['apikeys', 'list']).stdout).toContain('channel:bancassurance');
    const verified = veracity(['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/intact\): 2/);
  });

  it('treats usage errors as refusals (exit 2) and help as success', () => {
    expect(veracity(['no-such-command']).status).toBe(2);
    expect(veracity(['import']).status).toBe(2);
    const bad = veracity(['demo', '--applications', 'abc']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('whole number');
    expect(veracity(['--help']).status).toBe(0);
  });
});
