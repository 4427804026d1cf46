import { CronExpressionParser } from "cron-parser";

// cron-parser rather than our own parser: it is widely used and maintained, and it does time
// zones and daylight saving changes through luxon, which is where hand-written cron code
// usually goes wrong. It runs in the browser as well, so the editor and the worker agree.

/** A parsed schedule, or why it cannot be used, worded for the person editing it. */
export type ScheduleCheck = { ok: true } | { ok: false; field: "cron" | "timezone"; error: string };

/** Whether the runtime knows an IANA time zone name, e.g. "Europe/Berlin". */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a five-field cron expression (minute, hour, day of month, month, day of week) and a
 * time zone. Six-field expressions with seconds and macros such as `@daily` are refused, so
 * what the editor accepts reads the same to everyone who knows cron.
 */
export function checkSchedule(cron: string, timezone: string): ScheduleCheck {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || fields[0] === "") {
    const error = "Enter five fields: minute, hour, day of month, month and day of week";
    return { ok: false, field: "cron", error };
  }
  if (!isTimeZone(timezone)) {
    return { ok: false, field: "timezone", error: `${timezone} is not a known IANA time zone` };
  }
  try {
    CronExpressionParser.parse(cron, { tz: timezone });
    return { ok: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, field: "cron", error: `Not a valid cron expression: ${reason}` };
  }
}

/**
 * The next `count` times a schedule fires after `after` (exclusive), as instants. Times are
 * read in `timezone`: a time that a daylight saving change skips fires at the same minute in
 * the next hour, and a time that it repeats fires once, at its first occurrence.
 *
 * @example
 * nextFireTimes("0 9 * * 1", "Europe/Berlin", new Date("2026-01-01T00:00:00Z"), 1);
 * // [2026-01-05T08:00:00.000Z]
 */
export function nextFireTimes(cron: string, timezone: string, after: Date, count: number): Date[] {
  const interval = CronExpressionParser.parse(cron, { currentDate: after, tz: timezone });
  return Array.from({ length: count }, () => interval.next().toDate());
}

/** The first time a schedule fires after `after`, exclusive. */
export function nextFireTime(cron: string, timezone: string, after: Date): Date {
  const [next] = nextFireTimes(cron, timezone, after, 1);
  if (next === undefined) throw new Error("cron-parser gave no next time");
  return next;
}
