/**
 * Gate API benchmark (P5.5–6: the gate in real time). A demo book of N applications is loaded into
 * a fresh data directory, `veracity serve` is started as a child process (so the load generator
 * does not share its event loop), and requests are sent to it at a fixed rate:
 *
 *   (a) check   POST /api/v1/applications/check, a few hundred distinct demo records in turn
 *   (b) submit  POST /api/v1/applications, each with a new policy number, so each is stored
 *   (c) check while full scans run back to back in the server's scan worker (POST /api/v1/scans)
 *   (d) submit while full scans run: the API's writes beside the scan's own transaction
 *
 *   npm run bench:api [-- --applications N --rate R --duration S --connections C --phases LIST] [--profile]
 *
 * Each phase is measured twice at the same rate: by an open-loop generator (bench/open-loop.ts:
 * requests sent at a steady pace on open keep-alive sockets, each timed from when it was issued)
 * and by autocannon's `overallRate` (a quota per connection per second, sent back to back as each
 * second starts). Defaults: 20,000 applications, 2,000 requests/s, 20 s a measurement, 50
 * connections (autocannon), at most 256 sockets (open loop), after 10 s of warm-up and with 3 s of
 * rest between measurements. --phases picks some of check,submit,check-scan,submit-scan.
 * --profile writes V8 CPU profiles of the server's threads to bench/out/profiles/ (the main
 * thread's name ends in .0.001.cpuprofile). The JSON is printed and written to bench/out/api.json.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type LoadResult, openLoop } from './open-loop.js';

/** The part of autocannon 8 used here (it ships no types). */
type Autocannon = (options: {
  url: string;
  method: string;
  connections: number;
  overallRate: number;
  duration: number;
  headers: Record<string, string>;
  requests: Array<{ setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }>;
}) => Promise<{
  duration: number;
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    bodies: { type: 'string', default: '500' },
    phases: { type: 'string', default: 'check,submit,check-scan,submit-scan' },
    profile: { type: 'boolean', default: false },
  },
});
const applications = Number(values.applications);
const rate = Number(values.rate);
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(import.meta.dirname, 'out');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veracity-api-bench-'));
const env = { ...process.env, LOG_LEVEL: 'warn', VERACITY_SCAN_AT: 'off' };
const PASSWORD = 'Bench-operations-2026';

function veracity(args: string[], input?: string): string {
  return execFileSync(process.execPath, [cli, '--data-dir', dataDir, ...args], { env, input, encoding: 'utf8' });
}

/** The server in its own process; resolves with its address once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(outDir, 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, cli, '--data-dir', dataDir, 'serve', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\(listening\): (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${out}`)));
  });
}

type Measured = Omit<LoadResult, 'sentLate' | 'perSecond'> &
  Partial<Pick<LoadResult, 'sentLate' | 'perSecond'>> & { scans?: ScanLoop; machine?: MachineShare };

/** The whole machine during a measurement (/proc/stat): cores busy, and time the hypervisor took (steal). */
interface MachineShare {
  busyPercent: number;
  stealPercent: number;
}

function cpuTimes(): number[] {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    return line.split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return [];
  }
}

function machineShare(before: number[], after: number[]): MachineShare | undefined {
  if (before.length < 8 || after.length < 8) return undefined;
  const delta = after.map((v, i) => v - (before[i] ?? 0));
  const total = delta.reduce((a, b) => a + b, 0) || 1;
  const idle = (delta[3] ?? 0) + (delta[4] ?? 0);
  const percent = (v: number) => Math.round((v / total) * 1000) / 10;
  return { busyPercent: percent(total - idle), stealPercent: percent(delta[7] ?? 0) };
}
type Generator = 'open-loop' | 'autocannon';

/** autocannon at a fixed overall rate; its latencies are corrected for coordinated omission (its default). */
async function burst(url: string, headers: Record<string, string>, body: () => string): Promise<Measured> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    overallRate: rate,
    duration,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  return {
    rps: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    p999: Number.NaN,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
}

function measure(generator: Generator, url: string, key: string, body: () => string, seconds = duration) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  return generator === 'autocannon'
    ? burst(url, headers, body)
    : openLoop({ url, headers, body, rate, seconds, sockets: 256 });
}

interface ScanLoop {
  runs: number;
  failed: number;
  seconds: number[];
  itemsRaised: number[];
  /** Share of the phase during which a scan was running. */
  covered: number;
  failures: string[];
}

/** Full scans back to back until `until()` says stop, as an IT operations user (P5.21: scans.run). */
async function scanLoop(url: string, session: Record<string, string>, running: () => boolean): Promise<ScanLoop> {
  const loop: ScanLoop = { runs: 0, failed: 0, seconds: [], itemsRaised: [], covered: 0, failures: [] };
  const started = performance.now();
  let busy = 0;
  while (running()) {
    const t0 = performance.now();
    const response = await fetch(`${url}/api/v1/scans`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    });
    const answer = (await response.json()) as {
      itemsRaised?: number;
      error?: { code: string; en: string; details: string[] };
    };
    busy += performance.now() - t0;
    loop.runs += 1;
    if (response.ok) {
      loop.seconds.push(Math.round(performance.now() - t0) / 1000);
      loop.itemsRaised.push(answer.itemsRaised ?? 0);
    } else {
      loop.failed += 1;
      if (loop.failures.length < 5)
        loop.failures.push(`${response.status} ${answer.error?.code}: ${answer.error?.en} ${answer.error?.details}`);
    }
  }
  loop.covered = Math.round((busy / (performance.now() - started)) * 100) / 100;
  return loop;
}

async function signIn(url: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function main(): Promise<void> {
  process.stderr.write(`init: demo book of ${applications} applications in ${dataDir} …\n`);
  veracity(['init', '--demo', '--applications', String(applications)]);
  const key = veracity(['apikeys', 'create', 'bench']).trim();
  veracity(['users', 'add', 'bench-ops', '--role', 'it_operations'], `${PASSWORD}\n`);

  // A few hundred distinct records as the core system sends them, planted defects included.
  const lines = fs.readFileSync(path.join(dataDir, 'demo', 'applications.jsonl'), 'utf8').split('\n');
  const bodies = lines.filter((l) => l.trim()).slice(0, Number(values.bodies));
  let next = 0;
  const checkBody = () => bodies[next++ % bodies.length] as string;
  // A submission: a demo record under a policy number never used before.
  const templates = bodies.map((b) => JSON.parse(b) as Record<string, unknown>);
  let serial = 0;
  const submitBody = () => {
    serial += 1;
    const record = templates[serial % templates.length] as Record<string, unknown>;
    return JSON.stringify({ ...record, policyNo: `PB${String(serial).padStart(12, '0')}` });
  };

  const { child, url } = await startServer();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const results: Array<{ phase: string; generator: Generator } & Measured> = [];
  try {
    process.stderr.write(`server ${url}; warm-up 10 s …\n`);
    await measure('open-loop', `${url}/api/v1/applications/check`, key, checkBody, 10);
    const session = await signIn(url, 'bench-ops');
    const phases: Array<[string, string, string, () => string, boolean]> = [
      ['check', 'check', '/api/v1/applications/check', checkBody, false],
      ['submit', 'submit', '/api/v1/applications', submitBody, false],
      ['check-scan', 'check during full scans', '/api/v1/applications/check', checkBody, true],
      ['submit-scan', 'submit during full scans', '/api/v1/applications', submitBody, true],
    ];
    const chosen = values.phases.split(',');
    for (const [name, phase, route, body, withScans] of phases) {
      if (!chosen.includes(name)) continue;
      for (const generator of ['open-loop', 'autocannon'] as const) {
        process.stderr.write(`${phase}, ${generator}: ${rate} requests/s for ${duration} s …\n`);
        let loading = true;
        const scans = withScans ? scanLoop(url, session, () => loading) : undefined;
        const before = cpuTimes();
        const measured = await measure(generator, `${url}${route}`, key, body);
        const machine = machineShare(before, cpuTimes());
        loading = false;
        results.push({ phase, generator, ...measured, machine, ...(scans ? { scans: await scans } : {}) });
        // What an overloaded phase left queued in the server is not the next phase's.
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const report = {
    at: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    applications,
    rate,
    duration,
    connections,
    distinctCheckBodies: bodies.length,
    phases: results,
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'api.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(
    '\nphase                     generator     rps    p50    p90    p99     max  errors non-2xx  steal  scans\n',
  );
  for (const r of results) {
    const scans = r.scans ? `${r.scans.runs - r.scans.failed}/${r.scans.runs} ok, ${r.scans.covered * 100}%` : '';
    const figures = [r.p50, r.p90, r.p99, r.max].map((v) => v.toFixed(1).padStart(6)).join(' ');
    const failed = String(r.errors + r.timeouts).padStart(7);
    process.stderr.write(
      `${r.phase.padEnd(25)} ${r.generator.padEnd(11)} ${String(r.rps).padStart(5)} ${figures} ${failed} ${String(r.non2xx).padStart(7)} ${`${r.machine?.stealPercent ?? '-'}%`.padStart(6)}  ${scans}\n`,
    );
  }
}

await main();
