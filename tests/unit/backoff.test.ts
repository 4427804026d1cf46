import { describe, expect, it } from "vitest";
import { defaultRetryDelaysMs, maxAttemptsFor, retryDelayMs } from "../../lib/queue/backoff";

describe("the delivery retry schedule", () => {
  it("follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt", () => {
    const noJitter = () => 0.5;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      retryDelayMs(attempt, defaultRetryDelaysMs, noJitter),
    );
    expect(delays).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it("allows eight attempts and none after the schedule is exhausted", () => {
    expect(maxAttemptsFor(defaultRetryDelaysMs)).toBe(8);
    expect(retryDelayMs(8)).toBeNull();
  });

  it("grows from one attempt to the next", () => {
    const noJitter = () => 0.5;
    for (let attempt = 1; attempt < 6; attempt += 1) {
      expect(retryDelayMs(attempt + 1, defaultRetryDelaysMs, noJitter)).toBeGreaterThan(
        retryDelayMs(attempt, defaultRetryDelaysMs, noJitter) ?? Infinity,
      );
    }
  });

  it("spreads each delay by at most 20 percent either way", () => {
    expect(retryDelayMs(2, defaultRetryDelaysMs, () => 0)).toBe(240_000);
    expect(retryDelayMs(2, defaultRetryDelaysMs, () => 0.999999)).toBeCloseTo(360_000, -1);
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(3) ?? 0;
      expect(delay).toBeGreaterThanOrEqual(1_440_000);
      expect(delay).toBeLessThanOrEqual(2_160_000);
    }
  });
});
