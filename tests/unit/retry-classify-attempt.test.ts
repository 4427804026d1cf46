import { describe, expect, it } from "vitest";
import {
  classifyAttempt,
  MAX_RETRY_AFTER_MS,
  parseRetryAfterMs,
  type AttemptFailureReason,
  type AttemptResult,
} from "@/lib/deliveries/classify-attempt";

const now = new Date("2026-12-03T12:00:00.000Z");
const scheduleMs = [5_000, 300_000];
/** No jitter: random() = 0.5 makes the factor exactly 1. */
const options = { attempt: 1, scheduleMs, random: () => 0.5 };

function answered(status: number, headers: Record<string, string> = {}): AttemptResult {
  return { ok: true, response: { status, headers } };
}

function failed(reason: AttemptFailureReason): AttemptResult {
  return { ok: false, reason, message: `failed: ${reason}` };
}

function retryDelayOf(result: AttemptResult, attempt = 1): number {
  const verdict = classifyAttempt(result, now, { ...options, attempt });
  if (verdict.type !== "retry") throw new Error(`expected a retry, got ${verdict.type}`);
  return verdict.at.getTime() - now.getTime();
}

describe("classifyAttempt", () => {
  it.each([200, 201, 204, 299])("counts %i as delivered", (status) => {
    expect(classifyAttempt(answered(status), now, options)).toEqual({ type: "delivered" });
  });

  it.each([500, 502, 503, 504, 599])("retries %i on the schedule", (status) => {
    expect(retryDelayOf(answered(status))).toBe(5_000);
    expect(retryDelayOf(answered(status), 2)).toBe(300_000);
  });

  it.each(["timeout", "connection_failed", "dns_failed", "response_too_large"] as const)(
    "retries a %s on the schedule",
    (reason) => {
      expect(retryDelayOf(failed(reason))).toBe(5_000);
    },
  );

  it("fails a retriable answer once the schedule is exhausted", () => {
    const verdict = classifyAttempt(answered(500), now, { ...options, attempt: 3 });
    expect(verdict).toEqual({
      type: "failed",
      reason: "The receiver answered 500; no attempts left on the schedule",
    });
  });

  it("applies the schedule's jitter", () => {
    const verdict = classifyAttempt(answered(500), now, { ...options, random: () => 0 });
    expect(verdict.type === "retry" && verdict.at.getTime() - now.getTime()).toBe(4_000);
  });

  it.each([429, 503])("waits the Retry-After seconds of a %i when longer", (status) => {
    expect(retryDelayOf(answered(status, { "retry-after": "120" }))).toBe(120_000);
  });

  it("waits until the Retry-After date", () => {
    const date = new Date(now.getTime() + 3_600_000).toUTCString();
    expect(retryDelayOf(answered(429, { "retry-after": date }))).toBe(3_600_000);
  });

  it("never retries sooner than the schedule, whatever Retry-After says", () => {
    expect(retryDelayOf(answered(429, { "retry-after": "1" }))).toBe(5_000);
    const past = new Date(now.getTime() - 60_000).toUTCString();
    expect(retryDelayOf(answered(503, { "retry-after": past }))).toBe(5_000);
  });

  it("caps Retry-After at 24 hours", () => {
    expect(retryDelayOf(answered(429, { "retry-after": "999999" }))).toBe(MAX_RETRY_AFTER_MS);
  });

  it("retries 429 without Retry-After on the schedule", () => {
    expect(retryDelayOf(answered(429))).toBe(5_000);
  });

  it("ignores Retry-After on other statuses", () => {
    expect(retryDelayOf(answered(500, { "retry-after": "600" }))).toBe(5_000);
  });

  it("fails a 429 once the schedule is exhausted even with Retry-After", () => {
    const result = answered(429, { "retry-after": "10" });
    expect(classifyAttempt(result, now, { ...options, attempt: 3 }).type).toBe("failed");
  });

  it("disables the endpoint on 410 Gone", () => {
    expect(classifyAttempt(answered(410), now, options)).toEqual({
      type: "disable_endpoint",
      reason: "The receiver answered 410 Gone",
    });
  });

  it.each([301, 302, 307, 308])("fails a %i redirect without retry", (status) => {
    const verdict = classifyAttempt(answered(status), now, options);
    expect(verdict.type).toBe("failed");
    expect(verdict.type === "failed" && verdict.reason).toContain("redirect");
  });

  it.each([400, 401, 403, 404, 408, 409, 413, 422])("fails %i without retry", (status) => {
    expect(classifyAttempt(answered(status), now, options)).toEqual({
      type: "failed",
      reason: `The receiver answered ${status}`,
    });
  });

  it.each(["address_refused", "invalid_url", "unsupported_protocol", "invalid_request"] as const)(
    "fails a request refused as %s without retry",
    (reason) => {
      expect(classifyAttempt(failed(reason), now, options)).toEqual({
        type: "failed",
        reason: `failed: ${reason}`,
      });
    },
  );

  it("fails informational answers without retry", () => {
    expect(classifyAttempt(answered(101), now, options).type).toBe("failed");
  });
});

describe("parseRetryAfterMs", () => {
  it("reads delay seconds", () => {
    expect(parseRetryAfterMs(" 30 ", now)).toBe(30_000);
  });

  it("reads an HTTP date relative to now, and a past date as zero", () => {
    expect(parseRetryAfterMs("Thu, 03 Dec 2026 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfterMs("Thu, 03 Dec 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs("soon", now)).toBeNull();
    expect(parseRetryAfterMs("-5", now)).toBeNull();
  });
});
