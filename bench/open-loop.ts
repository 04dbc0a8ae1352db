/**
 * An open-loop load generator: request i is sent at start + i/rate, whatever happened to the ones
 * before it (no coordinated omission: a request waiting for a free socket is timed from when it
 * was issued). Timers fire at 1 ms granularity, so a request leaves up to ~1 ms after it was due;
 * that lateness is the generator's, reported apart and not counted in the latency. autocannon's
 * `overallRate` instead gives each connection a quota per second, sent back to back as soon as
 * the second starts: bursts of `connections` requests at once, then silence.
 */
import http from 'node:http';

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
  /** p99 and max latency of the requests sent in each second, to see when the slow ones came. */
  perSecond: Array<{ p99: number; max: number }>;
  /** How late the generator itself sent requests (its own event loop), p50 and p99, ms. */
  sentLate: { p50: number; p99: number };
}

export interface OpenLoopOptions {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  /** Keep-alive sockets at most; a request due while all are busy waits, and that wait counts. */
  sockets: number;
  /** After the last request is due, how long to wait for the ones outstanding (they then count as timeouts). */
  drainSeconds?: number;
}

export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const late: number[] = [];
  const bySecond: number[][] = [];
  const statuses: Record<string, number> = {};
  const pending = new Set<http.ClientRequest>();
  let errors = 0;
  let lastEnd = 0;
  let sent = 0;
  const start = performance.now() + 5;

  const fire = (i: number) => {
    const due = start + i * interval;
    const sentAt = performance.now();
    late.push(sentAt - due);
    const body = options.body();
    const request = http.request(
      {
        agent,
        method: 'POST',
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          pending.delete(request);
          lastEnd = performance.now();
          latencies.push(lastEnd - sentAt);
          const second = Math.floor((sentAt - start) / 1000);
          const inSecond = bySecond[second] ?? [];
          inSecond.push(lastEnd - sentAt);
          bySecond[second] = inSecond;
          const code = String(response.statusCode);
          statuses[code] = (statuses[code] ?? 0) + 1;
        });
      },
    );
    request.on('error', () => {
      if (pending.delete(request)) errors += 1;
    });
    pending.add(request);
    request.end(body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 5);
  });
  const drainUntil = performance.now() + (options.drainSeconds ?? 10) * 1000;
  while (pending.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  const timeouts = pending.size;
  for (const request of pending) request.destroy();
  agent.destroy();

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
    errors,
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
