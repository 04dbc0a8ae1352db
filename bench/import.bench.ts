/**
 * Import benchmark (issue 2): N applications of the demo book (default 1,000,000) through the whole
 * pipeline — read, parse, gate, seal, index, store — on SQLite, beside the floor: a bare SQLite load
 * of the very rows the import stored (prepared statements, no validation, no encryption).
 * Each phase runs in its own process so peak memory is the import's own.
 *
 *   npm run bench -- import [--applications N] [--workers N]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    applications: { type: 'string', default: '1000000' },
    workers: { type: 'string' },
    phase: { type: 'string' },
    dir: { type: 'string' },
  },
});
const applications = Number(values.applications);
/** Benchmarks run the built code (what users run); types come from the sources. */
const DIST = new URL('../dist', import.meta.url).href;
const outDir = path.join(import.meta.dirname, 'out');
const bookDir = path.join(outDir, `book-${applications}`);

async function generate(): Promise<void> {
  const { writeBook } = (await import(
    `${DIST}/modules/demo/write-book.js`
  )) as typeof import('../src/modules/demo/write-book.js');
  await writeBook(bookDir, { seed: 20261203, applications, from: '2026-10-01', days: 60 });
}

async function importPhase(dataDir: string): Promise<void> {
  const { bootstrap } = (await import(
    `${DIST}/platform/bootstrap.js`
  )) as typeof import('../src/platform/bootstrap.js');
  const { importAgents } = (await import(
    `${DIST}/modules/agents/agents.service.js`
  )) as typeof import('../src/modules/agents/agents.service.js');
  const { importApplications } = (await import(
    `${DIST}/modules/intake/intake.service.js`
  )) as typeof import('../src/modules/intake/intake.service.js');
  const deps = await bootstrap({ dataDir });
  await importAgents(deps, path.join(bookDir, 'agents.jsonl'));
  const started = performance.now();
  const summary = await importApplications(deps, path.join(bookDir, 'applications.jsonl'), {
    workers: values.workers === undefined ? undefined : Number(values.workers),
  });
  const seconds = (performance.now() - started) / 1000;
  await deps.db.close();
  report({
    records: summary.linesRead,
    accepted: summary.accepted,
    rejected: summary.rejected,
    seconds,
    perSecond: Math.round(summary.linesRead / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

/** The floor: the same rows, read back in memory per table, inserted with prepared statements. */
async function floorPhase(dataDir: string): Promise<void> {
  const { default: SQLite } = await import('better-sqlite3');
  const { openSqlite } = (await import(
    `${DIST}/platform/db/database.js`
  )) as typeof import('../src/platform/db/database.js');
  const { migrateToLatest } = (await import(
    `${DIST}/platform/db/migrate.js`
  )) as typeof import('../src/platform/db/migrate.js');
  const target = path.join(dataDir, 'floor.db');
  const fresh = openSqlite(target);
  await migrateToLatest(fresh);
  await fresh.close();
  const source = new SQLite(path.join(dataDir, 'veracity.db'), { readonly: true });
  source.defaultSafeIntegers(true);
  const sink = new SQLite(target);
  sink.pragma('journal_mode = WAL');
  sink.pragma('synchronous = FULL');
  sink.defaultSafeIntegers(true);
  const tables = ['submissions', 'applications', 'customers', 'customer_versions', 'policy_parties', 'contacts'];
  let rows = 0;
  let seconds = 0;
  for (const table of tables) {
    const columns = source
      .prepare(`select * from ${table} limit 1`)
      .columns()
      .map((c) => c.name)
      .filter((c) => c !== 'id');
    const insert = sink.prepare(
      `insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
    );
    const load = sink.transaction((batch: unknown[][]) => {
      for (const row of batch) insert.run(row);
    });
    const read = source.prepare(`select ${columns.join(',')} from ${table}`).raw(true);
    let batch: unknown[][] = [];
    let inTable = 0;
    const flush = () => {
      const started = performance.now();
      load(batch);
      seconds += (performance.now() - started) / 1000;
      batch = [];
    };
    for (const row of read.iterate() as Iterable<unknown[]>) {
      batch.push(row);
      inTable++;
      if (batch.length === 2000) flush();
    }
    if (batch.length > 0) flush();
    rows += inTable;
  }
  const records = Number((source.prepare('select count(*) from submissions').pluck().get() as bigint).toString());
  report({
    records,
    rows,
    rowsPerApplication: +(rows / records).toFixed(1),
    seconds,
    perSecond: Math.round(records / seconds),
  });
}

function report(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runPhase(phase: string, dataDir?: string): Record<string, unknown> {
  const args = [
    '--import',
    'tsx',
    import.meta.filename,
    'import',
    `--applications=${applications}`,
    `--phase=${phase}`,
  ];
  if (dataDir) args.push(`--dir=${dataDir}`);
  if (values.workers) args.push(`--workers=${values.workers}`);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`phase ${phase} failed`);
  const last = child.stdout.trim().split('\n').pop();
  return last ? JSON.parse(last) : {};
}

async function main(): Promise<void> {
  if (values.phase === 'generate') return generate();
  if (values.phase === 'import') return importPhase(values.dir as string);
  if (values.phase === 'floor') return floorPhase(values.dir as string);
  if (positionals[0] !== undefined && positionals[0] !== 'import')
    throw new Error(`unknown benchmark ${positionals[0]}`);

  if (!fs.existsSync(path.join(bookDir, 'applications.jsonl'))) {
    process.stderr.write(`generating ${applications.toLocaleString('en-US')} applications into ${bookDir} …\n`);
    runPhase('generate');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veracity-bench-'));
  try {
    const imported = runPhase('import', dataDir);
    const floor = runPhase('floor', dataDir);
    const result = {
      benchmark: 'import',
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cpus: os.availableParallelism(),
      fileMb: Math.round(fs.statSync(path.join(bookDir, 'applications.jsonl')).size / 1e6),
      import: imported,
      floor,
      importToFloor: +((imported.seconds as number) / (floor.seconds as number)).toFixed(2),
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `import-${applications}.json`), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
