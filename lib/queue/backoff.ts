/**
 * Delays between delivery attempts, after the first (immediate) one: 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h. Eight attempts spread over about 28 hours ride out a receiver's deploy, an
 * outage or a bad night, the schedule people know from the best webhook senders.
 */
export const defaultRetryDelaysMs: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** Jitter spreads retries of many deliveries that failed together, by up to ±20%. */
export const JITTER_RATIO = 0.2;

/**
 * The delay before attempt `attempt + 1`, given that `attempt` (1-based) just failed, or null
 * when the schedule is exhausted. `random` returns a number in [0, 1); inject it in tests.
 */
export function retryDelayMs(
  attempt: number,
  delaysMs: readonly number[] = defaultRetryDelaysMs,
  random: () => number = Math.random,
): number | null {
  const base = delaysMs[attempt - 1];
  if (base === undefined) return null;
  const factor = 1 + JITTER_RATIO * (2 * random() - 1);
  return Math.round(base * factor);
}

/** How many attempts a schedule allows: the first one plus one per delay. */
export function maxAttemptsFor(delaysMs: readonly number[]): number {
  return delaysMs.length + 1;
}
