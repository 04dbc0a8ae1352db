/**
 * Gate benchmark: the pure underwriting rules (INTERCHANGE §3) alone, in one thread, over demo
 * applications already parsed in memory — what one core checks per second, no I/O, no crypto.
 *
 *   npm run bench:gate [-- --applications N]
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { applications: { type: 'string', default: '200000' } } });
const applications = Number(values.applications);
const DIST = new URL('../dist', import.meta.url).href;

const { generateApplications, generateAgents } = (await import(
  `${DIST}/modules/demo/index.js`
)) as typeof import('../src/modules/demo/index.js');
const { evaluateApplication } = (await import(
  `${DIST}/modules/intake/gate.js`
)) as typeof import('../src/modules/intake/gate.js');

const options = { seed: 20261203, applications, from: '2026-10-01', days: 60 };
const agents = new Map(
  [...generateAgents(options)].map((a) => [a.agentCode, { kind: a.kind, qualifiedOn: a.qualifiedOn ?? null }]),
);
const records = [...generateApplications(options)].map((r) => JSON.parse(JSON.stringify(r)) as unknown);
const context = { agents: (code: string) => agents.get(code), today: '2026-12-03' };

for (const record of records.slice(0, 20_000)) evaluateApplication(record, context); // warm up
let accepted = 0;
const started = performance.now();
for (const record of records) if (evaluateApplication(record, context).outcome.accepted) accepted++;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'gate',
    node: process.version,
    records: records.length,
    accepted,
    seconds: +seconds.toFixed(3),
    perSecondPerCore: Math.round(records.length / seconds),
    microsecondsPerRecord: +((seconds * 1e6) / records.length).toFixed(2),
  })}\n`,
);
