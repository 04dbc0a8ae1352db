/**
 * When a daily job is due: pure, with the time given, so every case (a holiday, a 调休 Saturday,
 * a restart after the hour) is tested on a fixed clock. Times are China time (UTC+8, no daylight
 * saving).
 */

/** A China time of day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** Whether a China date (YYYY-MM-DD) is a working day. */
export type WorkingDayTest = (day: string) => boolean;

export type Decision =
  | { run: true; day: string }
  | { run: false; day: string; reason: 'not-yet' | 'not-a-working-day' | 'already-ran' };

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Longer than any run of PRC days off (the Spring Festival and National Day weeks). */
const LOOK_AHEAD_DAYS = 31;

/** 'HH:MM' → hour and minute; anything else is a defect of the configuration, checked at load. */
export function parseTimeOfDay(text: string): TimeOfDay {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`not a time of day HH:MM: ${text}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The croner pattern (in the Asia/Shanghai zone) that wakes the scheduler at that time and each
 * hour after it until midnight: a run that failed is tried again within the hour, and `decide`
 * keeps the day to one run that succeeds.
 */
export function dailyPattern(at: TimeOfDay): string {
  return `${at.minute} ${at.hour}-23 * * *`;
}

export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function chinaMinutesOf(instant: Date): number {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** The instant of `at` China time on a China date. */
export function instantOn(day: string, at: TimeOfDay): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + (at.hour * 60 + at.minute) * 60_000);
}

/**
 * Whether the job runs now (P5.7: the scan of day D runs on D, a working day, once): today must be
 * a working day, the time of day reached, and today's run not done yet. A start after the hour
 * still runs a day's missed run.
 */
export function decide(input: { now: Date; at: TimeOfDay; isWorkingDay: WorkingDayTest; lastDone?: string }): Decision {
  const day = chinaDateOf(input.now);
  if (input.lastDone !== undefined && input.lastDone >= day) return { run: false, day, reason: 'already-ran' };
  if (chinaMinutesOf(input.now) < input.at.hour * 60 + input.at.minute) return { run: false, day, reason: 'not-yet' };
  if (!input.isWorkingDay(day)) return { run: false, day, reason: 'not-a-working-day' };
  return { run: true, day };
}

/**
 * The next instant the job will run, from `now`: now itself when a run is due, else `at` on the
 * first working day ahead. Undefined when none is within a month (a calendar with no working day).
 */
export function nextRun(input: {
  now: Date;
  at: TimeOfDay;
  isWorkingDay: WorkingDayTest;
  lastDone?: string;
}): Date | undefined {
  if (decide(input).run) return input.now;
  const today = chinaDateOf(input.now);
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + ahead * DAY_MS).toISOString().slice(0, 10);
    const at = instantOn(day, input.at);
    if (at <= input.now || (input.lastDone !== undefined && input.lastDone >= day)) continue;
    if (input.isWorkingDay(day)) return at;
  }
  return undefined;
}
