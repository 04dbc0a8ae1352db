/** Date arithmetic on YYYY-MM-DD strings, via UTC milliseconds (no wall clock). */
const DAY_MS = 86_400_000;

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(new Date(toDate(iso).getTime() + days * DAY_MS));
}

/** The same month and day `years` later (callers avoid 29 February). */
export function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return isoOf(target);
}

/** A day between two ISO dates, both inclusive, never 29 February (it has no birthday most years). */
export function dayBetween(next: () => number, first: string, last: string): string {
  const from = toDate(first).getTime();
  const span = Math.round((toDate(last).getTime() - from) / DAY_MS);
  const day = isoOf(new Date(from + Math.floor(next() * (span + 1)) * DAY_MS));
  return day.endsWith('-02-29') ? addDays(day, 1) : day;
}

export function compact(iso: string): string {
  return iso.replaceAll('-', '');
}
