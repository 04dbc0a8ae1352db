import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../../test/cli.js';
import { tempDir } from '../../../test/harness.js';

const dataDir = tempDir('veracity-calendar-cli-');

const veracity = cliOn(dataDir);

function writeJson(name: string, value: unknown): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('veracity calendar', () => {
  it('shows a package year with named holidays and make-up working days', () => {
    const run = veracity(['calendar', 'show', '2026']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('chinese-days');
    expect(run.stdout).toContain('春节 (Spring Festival): 2026-02-15 – 2026-02-23');
    expect(run.stdout).toContain('2026-02-14 周六 (Sat)');
    expect(run.stdout).not.toContain('WARNING');
  });

  it('warns loudly in both languages about a year without data, on stderr with --json', () => {
    const run = veracity(['calendar', 'show', '2027', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ year: 2027, source: 'assumed', assumed: true });
    expect(run.stderr).toContain('CALENDAR_YEAR_ASSUMED');
    expect(run.stderr).toContain('周一至周五');
    expect(run.stderr).toContain('Monday to Friday');
  });

  it('refuses a bad file with every problem (exit 2), then stores a good one', () => {
    const bad = writeJson('bad.json', { holidays: [{ date: '2027-02-30', name: '春节' }], workdays: ['2027-01-04'] });
    const refused = veracity(['calendar', 'set', '2027', '--file', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('2 处问题');
    expect(refused.stderr).toContain('2 problem(s)');
    expect(refused.stderr).toContain('holidays[0].date');
    expect(refused.stderr).toContain('workdays[0]');

    const good = writeJson('2027.json', { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] });
    const stored = veracity(['calendar', 'set', '2027', '--file', good, '--reference', '示例 (example)']);
    expect(stored.status).toBe(0);
    expect(stored.stdout).toContain('第 1 版');
    const shown = veracity(['calendar', 'show', '2027']);
    expect(shown.stdout).toContain('本地录入 第 1 版 (local override, version 1)');
    expect(shown.stdout).not.toContain('WARNING');
  });
});
