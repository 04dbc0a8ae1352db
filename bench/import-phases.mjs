// The measured phases of bench/import.bench.ts, in plain JavaScript on the built code: no
// TypeScript loader in the process, so its peak memory is the import's own.
//   node bench/import-phases.mjs import|floor BOOK_DIR DATA_DIR [WORKERS]
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { importAgents } from '../dist/modules/agents/agents.service.js';
import { importApplications } from '../dist/modules/intake/intake.service.js';
import { bootstrap } from '../dist/platform/bootstrap.js';
import { openSqlite } from '../dist/platform/db/database.js';
import { migrateToLatest } from '../dist/platform/db/migrate.js';

const [phase, bookDir, dataDir, workers] = process.argv.slice(2);

async function importPhase() {
  const deps = await bootstrap({ dataDir });
  await importAgents(deps, path.join(bookDir, 'agents.jsonl'));
  const started = performance.now();
  const summary = await importApplications(deps, path.join(bookDir, 'applications.jsonl'), {
    workers: workers === undefined ? undefined : Number(workers),
  });
  const seconds = (performance.now() - started) / 1000;
  await deps.db.close();
  return {
    records: summary.linesRead,
    accepted: summary.accepted,
    rejected: summary.rejected,
    seconds: +seconds.toFixed(1),
    perSecond: Math.round(summary.linesRead / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The floor: the very rows the import stored, inserted with prepared statements into a fresh store. */
async function floorPhase() {
  const target = path.join(dataDir, 'floor.db');
  const fresh = openSqlite(target);
  await migrateToLatest(fresh);
  await fresh.close();
  const source = new SQLite(path.join(dataDir, 'veracity.db'), { readonly: true });
  source.defaultSafeIntegers(true);
  const sink = new SQLite(target);
  sink.pragma('journal_mode = WAL');
  sink.pragma('synchronous = NORMAL'); // as the import runs
  sink.pragma('cache_size = -32768');
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
    const load = sink.transaction((batch) => {
      for (const row of batch) insert.run(row);
    });
    let batch = [];
    const flush = () => {
      const started = performance.now();
      load(batch);
      seconds += (performance.now() - started) / 1000;
      rows += batch.length;
      batch = [];
    };
    for (const row of source
      .prepare(`select ${columns.join(',')} from ${table}`)
      .raw(true)
      .iterate()) {
      batch.push(row);
      if (batch.length === 2000) flush();
    }
    if (batch.length > 0) flush();
  }
  const records = Number(source.prepare('select count(*) from submissions').pluck().get());
  return {
    records,
    rows,
    rowsPerApplication: +(rows / records).toFixed(1),
    seconds: +seconds.toFixed(1),
    perSecond: Math.round(records / seconds),
  };
}

const result = phase === 'import' ? await importPhase() : await floorPhase();
process.stdout.write(`${JSON.stringify(result)}\n`);
