import { describe, expect, it } from "vitest";
import { isResentAttempt } from "../../lib/deliveries/resend-delivery";

describe("isResentAttempt", () => {
  it("is true for the first attempt after a resend restarted the schedule", () => {
    expect(isResentAttempt({ attempts: 3, scheduleStartAttempt: 3 })).toBe(true);
  });

  it("is false for a new delivery's first attempt", () => {
    expect(isResentAttempt({ attempts: 0, scheduleStartAttempt: 0 })).toBe(false);
  });

  it("is false for retries, before or after a resend", () => {
    expect(isResentAttempt({ attempts: 2, scheduleStartAttempt: 0 })).toBe(false);
    expect(isResentAttempt({ attempts: 4, scheduleStartAttempt: 3 })).toBe(false);
  });
});
