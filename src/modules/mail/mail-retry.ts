/**
 * When a mail that failed is tried again: soon at first (a server restarting), then further apart;
 * given up after the last attempt, its error kept for the operator.
 */
export const RETRY_DELAYS_MINUTES: readonly number[] = [1, 5, 15, 60, 180, 360, 720];
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** The next attempt after `attempts` failed ones, or null to give up. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[Math.max(1, attempts) - 1];
  return minutes === undefined ? null : new Date(failedAt.getTime() + minutes * 60_000);
}
