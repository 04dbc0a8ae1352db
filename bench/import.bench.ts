/**
 * Import benchmark (issue 2): N applications of the demo book (default 1,000,000) through the whole
 * pipeline — read, parse, gate, seal, index, store — on SQLite, beside the floor: a bare SQLite load
 * of the very rows the import stored (prepared statements, no validation, no encryption).
 * Each phase runs in its own process (bench/import-phases.mjs, plain JavaScript on dist/) so peak
 * memory is the import's own.
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

function runPhase(phase: 'generate' | 'import' | 'floor', dataDir?: string): Record<string, unknown> {
  const args =
    phase === 'generate'
      ? ['--import', 'tsx', import.meta.filename, 'import', `--applications=${applications}`, '--phase=generate']
      : [
          path.join(import.meta.dirname, 'import-phases.mjs'),
          phase,
          bookDir,
          dataDir as string,
          ...(values.workers ? [values.workers] : []),
        ];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`phase ${phase} failed`);
  const last = child.stdout.trim().split('\n').pop();
  return last ? JSON.parse(last) : {};
}

async function main(): Promise<void> {
  if (values.phase === 'generate') return generate();
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
