/** The only way code below the CLI learns the time: passed in, so every rule can run "as of" a day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** Today's date in China (UTC+8, no daylight saving). */
export function chinaToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
