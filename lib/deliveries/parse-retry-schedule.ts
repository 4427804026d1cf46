/** The most delays a schedule may list; with the first attempt that makes 21 attempts. */
export const MAX_SCHEDULE_ENTRIES = 20;

/** The longest single delay a schedule may ask for: a week. */
export const MAX_SCHEDULE_DELAY_MS = 7 * 24 * 3_600_000;

const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const durationPattern = /^(\d+)\s*(ms|s|m|h|d)$/;

export type ParsedSchedule = { ok: true; delaysMs: number[] } | { ok: false; message: string };

/**
 * Parses a retry schedule as people write it: comma-separated durations such as
 * `5s, 5m, 30m, 2h` (units ms, s, m, h, d). Empty text is an empty list, which callers read as
 * "use the installation's schedule".
 */
export function parseRetrySchedule(text: string): ParsedSchedule {
  if (text.trim() === "") return { ok: true, delaysMs: [] };

  const parts = text.split(",").map((part) => part.trim());
  if (parts.length > MAX_SCHEDULE_ENTRIES) {
    return { ok: false, message: `List at most ${MAX_SCHEDULE_ENTRIES} delays` };
  }
  const delaysMs: number[] = [];
  for (const part of parts) {
    const match = durationPattern.exec(part);
    if (!match?.[1] || !match[2]) {
      return { ok: false, message: `"${part}" is not a duration such as 30s, 5m, 2h or 1d` };
    }
    const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
    if (ms > MAX_SCHEDULE_DELAY_MS)
      return { ok: false, message: `"${part}" is longer than 7 days` };
    delaysMs.push(ms);
  }
  return { ok: true, delaysMs };
}

/** The stored form of a schedule on a delivery: milliseconds, comma-separated. */
export function formatStoredSchedule(delaysMs: readonly number[]): string {
  return delaysMs.join(",");
}

/** Reads a delivery's stored schedule; null (or unreadable text) means the installation's. */
export function readStoredSchedule(stored: string | null): number[] | null {
  if (stored === null || stored === "") return null;
  const delaysMs = stored.split(",").map(Number);
  return delaysMs.every((ms) => Number.isInteger(ms) && ms >= 0) ? delaysMs : null;
}
