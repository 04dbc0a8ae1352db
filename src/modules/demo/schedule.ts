import { chinaTimestamp, compactDateOf, weekdayOf } from './dates.js';

/** Relative sales on each weekday, Sunday first: agents sell at weekends too, less. */
const WEEKDAY_WEIGHTS = [0.35, 1, 1, 1, 1, 1, 0.5];

/** Relative sales per hour of the day from 08:00; evenings are home visits. */
const HOUR_WEIGHTS = [0.4, 1, 1.3, 1.2, 0.6, 0.8, 1.2, 1.3, 1.2, 0.9, 0.6, 0.5, 0.3];
const FIRST_HOUR = 8;

/**
 * When each application was entered. Applications are numbered in entry order: day d holds the
 * indices [start(d), start(d + 1)), and within a day times rise with the index, so the book reads
 * in time order and a record's time can be computed from its index alone.
 */
export class Schedule {
  private readonly starts: Float64Array;
  private readonly hourCumulative: number[];
  readonly policyDigits: number;

  constructor(
    readonly fromDay: number,
    readonly days: number,
    readonly applications: number,
  ) {
    const weights = Array.from({ length: days }, (_, d) => WEEKDAY_WEIGHTS[weekdayOf(fromDay + d)] as number);
    const total = weights.reduce((a, b) => a + b, 0);
    this.starts = new Float64Array(days + 1);
    let running = 0;
    let busiest = 0;
    for (let d = 0; d < days; d++) {
      this.starts[d] = Math.round((applications * running) / total);
      running += weights[d] as number;
      if (d > 0) busiest = Math.max(busiest, (this.starts[d] as number) - (this.starts[d - 1] as number));
    }
    this.starts[days] = applications;
    busiest = Math.max(busiest, applications - (this.starts[days - 1] as number));
    this.policyDigits = Math.max(5, String(busiest).length);

    let sum = 0;
    const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
    this.hourCumulative = HOUR_WEIGHTS.map((w) => {
      sum += w / hourTotal;
      return sum;
    });
  }

  /** Index of the day (0-based from `fromDay`) that application `k` falls on. */
  dayIndexOf(k: number): number {
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  dayOf(k: number): number {
    return this.fromDay + this.dayIndexOf(k);
  }

  /** Entry time of application `k`; `jitter` in [0, 1) spreads records within their slot. */
  appliedAt(k: number, jitter: number): { day: number; timestamp: string } {
    const d = this.dayIndexOf(k);
    const start = this.starts[d] as number;
    const count = (this.starts[d + 1] as number) - start;
    const position = (k - start + jitter) / count;
    return { day: this.fromDay + d, timestamp: chinaTimestamp(this.fromDay + d, this.secondOfDay(position)) };
  }

  /** Inverse of the hourly distribution: a fraction of the day's sales → second of the day. */
  private secondOfDay(fraction: number): number {
    let hour = 0;
    while (hour < this.hourCumulative.length - 1 && (this.hourCumulative[hour] as number) <= fraction) hour++;
    const before = hour === 0 ? 0 : (this.hourCumulative[hour - 1] as number);
    const within = ((fraction - before) / ((this.hourCumulative[hour] as number) - before)) * 3600;
    return (FIRST_HOUR + hour) * 3600 + Math.min(3599, Math.floor(within));
  }

  /** P + entry date + sequence of the day, e.g. P2026112900001. */
  policyNo(k: number): string {
    const d = this.dayIndexOf(k);
    const sequence = k - (this.starts[d] as number) + 1;
    return `P${compactDateOf(this.fromDay + d)}${String(sequence).padStart(this.policyDigits, '0')}`;
  }
}
