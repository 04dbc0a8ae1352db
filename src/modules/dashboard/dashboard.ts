/** The dashboard's days (China dates), as pure arithmetic on YYYY-MM-DD. */
import { addDays } from '../intake/china-time.js';

export const TREND_DAYS = 30;

/** The Monday of the week the day falls in (the Chinese working week starts on Monday). */
export function weekStartOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The instant a China date begins, as stored timestamps are written (ISO, UTC). */
export function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** Each day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
