import type { Scope } from '../../platform/access/scope.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { NOT_CLOSED, OWED } from '../cases/case-rules.js';
import { addDays } from '../intake/china-time.js';
import { chinaDayStart, daysBetween, TREND_DAYS, weekStartOf } from './dashboard.js';
import * as repo from './dashboard.repository.js';

export interface Counts {
  /** Not closed. */
  open: number;
  /** Still owed (open, or with the assignee) and due today. */
  dueToday: number;
  /** Still owed and past the due day (P5.13). */
  overdue: number;
  /** Closed since Monday. */
  clearedThisWeek: number;
}

export interface Dashboard {
  today: string;
  totals: Counts;
  byChannel: Array<Counts & { channel: string | null }>;
  byBranch: Array<Counts & { branchCode: string | null }>;
  trend: Array<{ day: string; raised: number; cleared: number }>;
  gateRejections: Array<{ code: string; count: number }>;
}

const zero = (): Counts => ({ open: 0, dueToday: 0, overdue: 0, clearedThisWeek: 0 });

function add(into: Counts, row: repo.CountsRow): void {
  into.open += Number(row.open ?? 0);
  into.dueToday += Number(row.due_today ?? 0);
  into.overdue += Number(row.overdue ?? 0);
  into.clearedThisWeek += Number(row.cleared ?? 0);
}

function grouped<K extends string | null>(rows: readonly repo.CountsRow[], keyOf: (row: repo.CountsRow) => K) {
  const groups = new Map<K, Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    const counts = groups.get(key) ?? zero();
    add(counts, row);
    groups.set(key, counts);
  }
  return [...groups].sort(
    ([a, x], [b, y]) => y.overdue - x.overdue || y.open - x.open || String(a ?? '').localeCompare(String(b ?? '')),
  );
}

/**
 * The console's 工作台 (P5.13) within the caller's scope: what is open, due today and overdue, what
 * was cleared this week, per channel and branch; items raised and cleared per day for 30 days; and
 * the gate's rejections by error code over the same days (P5.5–6). Every figure is a GROUP BY.
 */
export async function getDashboard(deps: Deps, scope: Scope): Promise<Dashboard> {
  const q = deps.db.kysely;
  const today = chinaToday(deps.clock);
  const from = addDays(today, -(TREND_DAYS - 1));
  const [counts, raised, closed, rejections] = await Promise.all([
    repo.countsByChannelAndBranch(q, scope, {
      today,
      weekStart: weekStartOf(today),
      notClosed: NOT_CLOSED,
      owed: OWED,
    }),
    repo.raisedPerDay(q, scope, from, today),
    repo.closedPerDay(q, scope, from, today),
    repo.rejectionsSince(q, scope, chinaDayStart(from)),
  ]);
  const totals = zero();
  for (const row of counts) add(totals, row);
  const raisedOn = new Map(raised.map((r) => [r.day, Number(r.n)]));
  const closedOn = new Map(closed.map((r) => [r.day, Number(r.n)]));
  const byCode = new Map<string, number>();
  for (const row of rejections) {
    for (const code of row.codes.split(',').filter(Boolean)) byCode.set(code, (byCode.get(code) ?? 0) + Number(row.n));
  }
  return {
    today,
    totals,
    byChannel: grouped(counts, (r) => r.channel).map(([channel, c]) => ({ channel, ...c })),
    byBranch: grouped(counts, (r) => r.branch_code).map(([branchCode, c]) => ({ branchCode, ...c })),
    trend: daysBetween(from, today).map((day) => ({
      day,
      raised: raisedOn.get(day) ?? 0,
      cleared: closedOn.get(day) ?? 0,
    })),
    gateRejections: [...byCode]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}
