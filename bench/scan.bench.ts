/**
 * T+1 scan benchmark (issue 3) on SQLite: the full scan of a book of N customers (default
 * 5,000,000), then the daily scan of the NEW applications entered that day (default 100,000), each
 * with seconds and peak memory; beside them, the same contact rows grouped with a plain GROUP BY by
 * DuckDB (and by SQLite itself), so the full scan's time is a ratio.
 * The store is seeded directly in SQL (bench/scan-phases.mjs, phase seed): the import would take
 * about 20 minutes for 5,000,000. Each phase runs in its own process so peak memory is its own.
 *
 *   npm run bench:scan [-- --customers N --new N --limit SECONDS] [--keep] [--profile]
 *
 * --limit stops a scan that runs longer (default 300 s) and records how far it got; --keep keeps a
 * copy of the seeded store in bench/out/scan-seed-N-NEW/ and starts from a copy of it when it is
 * there (the seed is then skipped); --profile writes a V8 CPU profile of each scan into
 * bench/out/profiles/ (a stopped scan writes none).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '5000000' },
    new: { type: 'string', default: '100000' },
    limit: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const fresh = Number(values.new);
const limitSeconds = Number(values.limit);
const outDir = path.join(import.meta.dirname, 'out');

type Phase = 'seed' | 'full' | 'daily' | 'plain' | 'duckdb';
type Result = Record<string, unknown>;

/** Runs one phase in its own Node process; a scan past the limit is stopped and reported as such. */
function runPhase(phase: Phase, dataDir: string): Promise<Result> {
  process.stderr.write(`${phase} …\n`);
  const scan = phase === 'full' || phase === 'daily';
  const profile =
    values.profile && scan
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${path.join(outDir, 'profiles')}`,
          `--cpu-prof-name=scan-${phase}-${customers}.cpuprofile`,
        ]
      : [];
  const script = path.join(import.meta.dirname, 'scan-phases.mjs');
  const child = spawn(process.execPath, [...profile, script, phase, dataDir, String(customers), String(fresh)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  let stdout = '';
  const slow: unknown[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let pending = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('#slow ')) slow.push(JSON.parse(line.slice(6)));
      else if (line.trim()) process.stderr.write(`${line}\n`);
    }
  });
  const started = performance.now();
  let stopped = false;
  const timer = scan
    ? setTimeout(() => {
        stopped = true;
        child.kill('SIGKILL');
      }, limitSeconds * 1000)
    : undefined;
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stopped) {
        process.stderr.write(`${phase} stopped after ${limitSeconds} s\n`);
        resolve({ finished: false, stoppedAfterSeconds: limitSeconds, slowStatementsSoFar: slow });
      } else if (code !== 0) {
        reject(new Error(`phase ${phase} failed`));
      } else {
        const last = stdout.trim().split('\n').pop();
        const result = last ? (JSON.parse(last) as Result) : {};
        process.stderr.write(`${phase}: ${((performance.now() - started) / 1000).toFixed(1)} s wall\n`);
        resolve(scan ? { finished: true, ...result } : result);
      }
    });
  });
}

async function main(): Promise<void> {
  // What is measured (dist/ was just built from the work tree): the commit, and the files under src/
  // that differed from it.
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const built = {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedSrc: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veracity-scan-'));
  const kept = path.join(outDir, `scan-seed-${customers}-${fresh}`);
  try {
    let seed: Result;
    if (values.keep && fs.existsSync(path.join(kept, 'veracity.db'))) {
      fs.copyFileSync(path.join(kept, 'veracity.db'), path.join(dataDir, 'veracity.db'));
      seed = { reused: kept };
    } else {
      seed = await runPhase('seed', dataDir);
      if (values.keep) {
        fs.mkdirSync(kept, { recursive: true });
        fs.copyFileSync(path.join(dataDir, 'veracity.db'), path.join(kept, 'veracity.db'));
      }
    }
    // The full scan first, as of the day the new applications came in: it sees the book of N only
    // and leaves its links and items, as the book would have them. The daily scan runs the next day.
    const full = await runPhase('full', dataDir);
    const daily = await runPhase('daily', dataDir);
    const plain = await runPhase('plain', dataDir);
    const duckdb = await runPhase('duckdb', dataDir);
    const ratio = (a: unknown, b: unknown) => (full.finished ? +((a as number) / (b as number)).toFixed(1) : null);
    const result = {
      benchmark: 'scan',
      date: new Date().toISOString().slice(0, 10),
      // What was measured: the commit, and the files under src/ that differed from it (built as they were).
      ...built,
      node: process.version,
      cpus: os.availableParallelism(),
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      customers,
      new: fresh,
      limitSeconds,
      seed,
      full,
      daily,
      sqlitePlainGroupBy: plain,
      duckdb,
      fullToDuckdb: ratio(full.seconds, duckdb.seconds),
      fullToDuckdbScanShape: ratio(full.seconds, (duckdb.scanShape as { seconds: number }).seconds),
      sqlitePlainToDuckdb: +((plain.seconds as number) / (duckdb.seconds as number)).toFixed(1),
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `scan-${customers}.json`), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
