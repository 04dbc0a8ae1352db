/**
 * Sign-in throttling: five wrong passwords in a row lock the name for a quarter of an hour; the
 * sixth attempt is refused without looking at the password. Unknown names count the same way.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failures older than this no longer count towards a lock. */
export const FAILURE_WINDOW_MINUTES = 60;

export interface ThrottleState {
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return state?.locked_until != null && Date.parse(state.locked_until) > now.getTime();
}

export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const recent =
    state !== undefined &&
    !isLocked(state, now) &&
    now.getTime() - Date.parse(state.last_failure_at) < FAILURE_WINDOW_MINUTES * 60_000 &&
    state.locked_until === null;
  const failures = (recent ? state.failures : 0) + 1;
  return {
    failures,
    locked_until: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
    last_failure_at: now.toISOString(),
  };
}
