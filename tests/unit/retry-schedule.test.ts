import { describe, expect, it } from "vitest";
import {
  formatStoredSchedule,
  parseRetrySchedule,
  readStoredSchedule,
} from "@/lib/deliveries/parse-retry-schedule";
import { sendWebhookConfigSchema } from "@/lib/workflow/send-webhook-node-type";

describe("parseRetrySchedule", () => {
  it("reads comma-separated durations in ms, s, m, h and d", () => {
    expect(parseRetrySchedule("500ms, 5s,5m , 2h, 1d")).toEqual({
      ok: true,
      delaysMs: [500, 5_000, 300_000, 7_200_000, 86_400_000],
    });
  });

  it("reads empty text as no schedule of its own", () => {
    expect(parseRetrySchedule("  ")).toEqual({ ok: true, delaysMs: [] });
  });

  it("names the part that is not a duration", () => {
    expect(parseRetrySchedule("5s, soon")).toEqual({
      ok: false,
      message: '"soon" is not a duration such as 30s, 5m, 2h or 1d',
    });
    expect(parseRetrySchedule("5s,,5m").ok).toBe(false);
    expect(parseRetrySchedule("5").ok).toBe(false);
  });

  it("refuses delays over a week and more than 20 delays", () => {
    expect(parseRetrySchedule("8d").ok).toBe(false);
    expect(parseRetrySchedule(Array(21).fill("1s").join(",")).ok).toBe(false);
  });
});

describe("stored schedules", () => {
  it("round-trip through the delivery column", () => {
    expect(readStoredSchedule(formatStoredSchedule([5_000, 60_000]))).toEqual([5_000, 60_000]);
  });

  it("read null, empty or damaged text as the installation's schedule", () => {
    expect(readStoredSchedule(null)).toBeNull();
    expect(readStoredSchedule("")).toBeNull();
    expect(readStoredSchedule("5,x")).toBeNull();
  });
});

describe("the send webhook node's retry schedule setting", () => {
  const base = {
    url: "https://example.com/hook",
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  };

  it("defaults to empty, the installation's schedule", () => {
    expect(sendWebhookConfigSchema.parse(base).retrySchedule).toBe("");
  });

  it("accepts a valid schedule and refuses an invalid one with the reason", () => {
    expect(sendWebhookConfigSchema.safeParse({ ...base, retrySchedule: "5s, 5m" }).success).toBe(
      true,
    );
    const refused = sendWebhookConfigSchema.safeParse({ ...base, retrySchedule: "5 parsecs" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain("5 parsecs");
  });

  it("defaults the timeout to 15 s and allows at most 30 s", () => {
    expect(sendWebhookConfigSchema.parse(base).timeoutMs).toBe(15_000);
    expect(sendWebhookConfigSchema.safeParse({ ...base, timeoutMs: 30_001 }).success).toBe(false);
  });
});
