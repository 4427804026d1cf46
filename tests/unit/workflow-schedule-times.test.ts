import { describe, expect, it } from "vitest";
import { checkSchedule, nextFireTimes } from "../../lib/workflow/schedule-times";
import { validateNodeConfig } from "../../lib/workflow/validate-node-config";

function isoTimes(cron: string, timezone: string, after: string, count = 5): string[] {
  return nextFireTimes(cron, timezone, new Date(after), count).map((time) => time.toISOString());
}

describe("nextFireTimes", () => {
  it("gives the next five times after a moment, reading the cron in the time zone", () => {
    expect(isoTimes("0 9 * * 1-5", "America/New_York", "2026-01-09T15:00:00Z")).toEqual([
      "2026-01-12T14:00:00.000Z",
      "2026-01-13T14:00:00.000Z",
      "2026-01-14T14:00:00.000Z",
      "2026-01-15T14:00:00.000Z",
      "2026-01-16T14:00:00.000Z",
    ]);
  });

  it("excludes the moment itself", () => {
    expect(isoTimes("*/15 * * * *", "UTC", "2026-01-01T10:15:00Z", 2)).toEqual([
      "2026-01-01T10:30:00.000Z",
      "2026-01-01T10:45:00.000Z",
    ]);
  });

  it("keeps the local time across the spring change and fires a skipped time an hour later", () => {
    // Berlin moves from 02:00 CET to 03:00 CEST on 29 March 2026: 02:30 does not exist.
    expect(isoTimes("30 2 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", 4)).toEqual([
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
      "2026-03-30T00:30:00.000Z",
      "2026-03-31T00:30:00.000Z",
    ]);
  });

  it("fires a time that the autumn change repeats once, at its first occurrence", () => {
    // Berlin goes back from 03:00 CEST to 02:00 CET on 25 October 2026: 02:30 happens twice.
    expect(isoTimes("30 2 * * *", "Europe/Berlin", "2026-10-23T12:00:00Z", 3)).toEqual([
      "2026-10-24T00:30:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });
});

describe("checkSchedule", () => {
  it("accepts five fields in a known zone", () => {
    expect(checkSchedule("*/5 9-17 * * mon-fri", "Asia/Tokyo")).toEqual({ ok: true });
  });

  it("refuses six fields, macros, out-of-range values and unknown zones", () => {
    expect(checkSchedule("0 * * * * *", "UTC")).toMatchObject({ ok: false, field: "cron" });
    expect(checkSchedule("@daily", "UTC")).toMatchObject({ ok: false, field: "cron" });
    expect(checkSchedule("61 * * * *", "UTC")).toEqual({
      ok: false,
      field: "cron",
      error: "Not a valid cron expression: Constraint error, got value 61 expected range 0-59",
    });
    expect(checkSchedule("0 9 * * *", "Mars/Olympus")).toEqual({
      ok: false,
      field: "timezone",
      error: "Mars/Olympus is not a known IANA time zone",
    });
  });

  it("reports problems against the setting they concern", () => {
    expect(validateNodeConfig("schedule-trigger", { cron: "0 9 * *", timezone: "UTC" })).toEqual({
      ok: false,
      issues: [
        {
          field: "cron",
          message: "Enter five fields: minute, hour, day of month, month and day of week",
        },
      ],
    });
  });
});
