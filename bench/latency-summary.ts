/** The latencies a load run reports, in milliseconds; NaN when nothing was answered. */
export type LatencySummary = { p50Ms: number; p99Ms: number; maxMs: number };

/**
 * Nearest-rank p50, p99 and the maximum of `valuesMs`, sorted once as doubles: a full run
 * collects a few hundred thousand of them.
 */
export function summarizeLatencies(valuesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(valuesMs).sort();
  const at = (p: number) => {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1] ?? Number.NaN;
  };
  return { p50Ms: at(50), p99Ms: at(99), maxMs: at(100) };
}
