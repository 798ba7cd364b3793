/**
 * Seconds to wait before the next attempt after `failedAttempts` failures, or null when the schedule is
 * exhausted (the message is then failed, and can be resent by hand). The contract's schedule is
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts in all.
 */
export function nextRetryDelay(schedule: readonly number[], failedAttempts: number): number | null {
  return failedAttempts >= 1 && failedAttempts <= schedule.length ? schedule[failedAttempts - 1]! : null;
}
