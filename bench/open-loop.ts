/**
 * An open-loop load generator: request i is issued at start + i/rate, whatever happened to the
 * ones before it, and is timed from then (no coordinated omission: a request waiting for a free
 * socket is waiting on the server). Timers fire at 1 ms granularity, so a request is issued up to
 * ~1 ms after it was due; that lateness is the generator's, reported apart. HTTP/1.1 is written by
 * hand on keep-alive sockets opened before the clock starts: Node's http client costs about twice
 * the CPU, which on a small machine is taken from the server under test.
 * autocannon's `overallRate` instead gives each connection a quota per second, sent back to back
 * as soon as the second starts: bursts of `connections` requests at once, then silence.
 */
import net from 'node:net';

export interface LoadResult {
  rps: number;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** p99 and max latency of the requests issued in each second, to see when the slow ones came. */
  perSecond: Array<{ p99: number; max: number }>;
  /** How late the generator itself issued requests (its own event loop), p50 and p99, ms. */
  sentLate: { p50: number; p99: number };
}

export interface OpenLoopOptions {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  /** Keep-alive sockets; a request issued while all are busy waits for one, and that wait counts. */
  sockets: number;
  /** After the last request is issued, how long to wait for the rest (then counted as timeouts). */
  drainSeconds?: number;
}

interface Pending {
  issuedAt: number;
  payload: Buffer;
}

/** One keep-alive connection, one request at a time; responses carry Content-Length (Fastify's do). */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private current: Pending | undefined;
  private dead = false;

  constructor(
    readonly socket: net.Socket,
    private readonly done: (connection: Connection, request: Pending, status: number) => void,
    private readonly failed: (connection: Connection, request: Pending | undefined) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    const fail = () => {
      if (this.dead) return;
      this.dead = true;
      this.failed(this, this.current);
    };
    socket.on('error', fail);
    socket.on('close', fail);
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  send(request: Pending): void {
    this.current = request;
    this.socket.write(request.payload);
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.current) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    this.buffer = this.buffer.subarray(end + 4 + length);
    const request = this.current;
    this.current = undefined;
    this.done(this, request, Number(head.slice(9, 12)));
  }
}

export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const prefix =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n` +
    Object.entries(options.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const late: number[] = [];
  const bySecond: number[][] = [];
  const statuses: Record<string, number> = {};
  const queue: Pending[] = [];
  const idle: Connection[] = [];
  let errors = 0;
  let inFlight = 0;
  let lastEnd = 0;
  let start = 0;

  const dispatch = () => {
    while (queue.length > 0 && idle.length > 0) (idle.pop() as Connection).send(queue.shift() as Pending);
  };
  const done = (connection: Connection, request: Pending, status: number) => {
    inFlight -= 1;
    lastEnd = performance.now();
    latencies.push(lastEnd - request.issuedAt);
    const second = Math.floor((request.issuedAt - start) / 1000);
    const inSecond = bySecond[second] ?? [];
    inSecond.push(lastEnd - request.issuedAt);
    bySecond[second] = inSecond;
    statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    idle.push(connection);
    dispatch();
  };
  const failed = (_connection: Connection, request: Pending | undefined) => {
    if (request) {
      inFlight -= 1;
      errors += 1;
    }
  };
  const connections = await Promise.all(
    Array.from(
      { length: options.sockets },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = net.connect({ host: target.hostname, port: Number(target.port) }, () =>
            resolve(new Connection(socket, done, failed)),
          );
          socket.once('error', reject);
        }),
    ),
  );
  idle.push(...connections);

  start = performance.now() + 5;
  let issued = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (issued < due) {
        const issuedAt = performance.now();
        late.push(issuedAt - (start + issued * interval));
        const body = options.body();
        const payload = Buffer.from(`${prefix}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        queue.push({ issuedAt, payload });
        inFlight += 1;
        issued += 1;
      }
      dispatch();
      if (issued < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 5);
  });
  const drainUntil = performance.now() + (options.drainSeconds ?? 10) * 1000;
  while (inFlight > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  const timeouts = inFlight;
  const failures = errors;
  for (const connection of connections) connection.socket.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number, values = sorted) =>
    round(values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN);
  const lateSorted = Float64Array.from(late).sort();
  const ok = Object.entries(statuses).reduce((n, [code, count]) => (code.startsWith('2') ? n + count : n), 0);
  return {
    rps: Math.round((latencies.length / (lastEnd - start)) * 1000),
    requests: latencies.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    errors: failures,
    timeouts,
    non2xx: latencies.length - ok,
    statuses,
    perSecond: [...bySecond].map((values) => {
      const second = Float64Array.from(values ?? []).sort();
      return { p99: at(0.99, second), max: round(second[second.length - 1] ?? Number.NaN) };
    }),
    sentLate: { p50: at(0.5, lateSorted), p99: at(0.99, lateSorted) },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
