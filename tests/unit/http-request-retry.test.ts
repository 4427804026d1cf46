import { describe, expect, it } from "vitest";
import type { AttemptFailureReason, AttemptResult } from "@/lib/deliveries/classify-attempt";
import { decideRetry, retryScheduleFor } from "@/lib/engine/executors/http-request-retry";
import { httpRequestConfigSchema } from "@/lib/workflow/http-request-node-type";

const now = new Date("2026-12-03T12:00:00.000Z");
/** No jitter: random() = 0.5 makes the factor exactly 1. */
const context = { attempt: 1, scheduleMs: [1000, 2000], now, random: () => 0.5 };

function answered(status: number, headers: Record<string, string> = {}): AttemptResult {
  return { ok: true, response: { status, headers } };
}

function failed(reason: AttemptFailureReason): AttemptResult {
  return { ok: false, reason, message: `failed: ${reason}` };
}

describe("the retry settings of an HTTP request node", () => {
  const base = { url: "https://api.example.com/orders" };
  const accepts = (settings: Record<string, number>) =>
    httpRequestConfigSchema.safeParse({ ...base, ...settings }).success;

  it("default to no retries and a first delay of one second", () => {
    const config = httpRequestConfigSchema.parse(base);
    expect([config.retries, config.retryBackoffMs]).toEqual([0, 1000]);
  });

  it("allow 0 to 5 retries, in whole numbers", () => {
    expect([0, 5].map((retries) => accepts({ retries }))).toEqual([true, true]);
    expect([-1, 6, 1.5].map((retries) => accepts({ retries }))).toEqual([false, false, false]);
  });

  it("keep the first delay between 100 ms and 60 s, in whole milliseconds", () => {
    const delays = (values: number[]) =>
      values.map((retryBackoffMs) => accepts({ retryBackoffMs }));
    expect(delays([100, 60_000])).toEqual([true, true]);
    expect(delays([99, 60_001, 150.5])).toEqual([false, false, false]);
  });
});

describe("retryScheduleFor", () => {
  it("has one delay per retry, doubling from the first", () => {
    expect(retryScheduleFor({ retries: 0, retryBackoffMs: 1000 })).toEqual([]);
    expect(retryScheduleFor({ retries: 3, retryBackoffMs: 1000 })).toEqual([1000, 2000, 4000]);
  });

  it("caps each delay at 60 s", () => {
    expect(retryScheduleFor({ retries: 5, retryBackoffMs: 20_000 })).toEqual([
      20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe("decideRetry", () => {
  it.each([200, 204, 299])("succeeds on a %i", (status) => {
    expect(decideRetry(answered(status), context)).toEqual({ type: "succeeded" });
  });

  it.each([500, 502, 503, 504])("retries a %i after the schedule's delay", (status) => {
    expect(decideRetry(answered(status), context)).toEqual({
      type: "retry",
      delayMs: 1000,
      reason: `The server answered ${status}`,
    });
    expect(decideRetry(answered(status), { ...context, attempt: 2 })).toMatchObject({
      delayMs: 2000,
    });
  });

  it.each(["timeout", "connection_failed", "dns_failed"] as const)("retries a %s", (reason) => {
    expect(decideRetry(failed(reason), context)).toEqual({
      type: "retry",
      delayMs: 1000,
      reason: `failed: ${reason}`,
    });
  });

  it("applies ±20% jitter to the delay", () => {
    const delayWith = (draw: number) =>
      decideRetry(answered(500), { ...context, random: () => draw });
    expect(delayWith(0)).toMatchObject({ delayMs: 800 });
    expect(delayWith(0.75)).toMatchObject({ delayMs: 1100 });
  });

  it("never waits longer than 60 s, jitter included", () => {
    const decision = decideRetry(answered(500), {
      ...context,
      scheduleMs: [60_000],
      random: () => 0.99,
    });
    expect(decision).toMatchObject({ type: "retry", delayMs: 60_000 });
  });

  it("fails once the schedule is used up, saying how many attempts were made", () => {
    expect(decideRetry(answered(500), { ...context, attempt: 3 })).toEqual({
      type: "failed",
      reason: "The server answered 500; gave up after 3 attempts",
    });
  });

  it.each([429, 503])("waits the Retry-After seconds of a %i when longer", (status) => {
    const decision = decideRetry(answered(status, { "retry-after": "30" }), context);
    expect(decision).toMatchObject({ type: "retry", delayMs: 30_000 });
  });

  it("reads Retry-After as an HTTP date", () => {
    const at = new Date(now.getTime() + 45_000).toUTCString();
    const decision = decideRetry(answered(429, { "retry-after": at }), context);
    expect(decision).toMatchObject({ type: "retry", delayMs: 45_000 });
  });

  it("keeps the schedule's delay when Retry-After asks for less", () => {
    const decision = decideRetry(answered(429, { "retry-after": "0" }), context);
    expect(decision).toMatchObject({ type: "retry", delayMs: 1000 });
  });

  it("fails instead of waiting when Retry-After asks for more than 60 s", () => {
    const decision = decideRetry(answered(429, { "retry-after": "61" }), {
      ...context,
      attempt: 2,
    });
    expect(decision).toEqual({
      type: "failed",
      reason:
        "The server answered 429 and asked to wait 61 s, longer than a step waits (60 s); " +
        "gave up after 2 attempts",
    });
  });

  it("ignores Retry-After on other 5xx answers, as deliveries do", () => {
    const decision = decideRetry(answered(500, { "retry-after": "3600" }), context);
    expect(decision).toMatchObject({ type: "retry", delayMs: 1000 });
  });

  it.each([301, 302, 400, 401, 404, 410, 422])("fails a %i without retrying", (status) => {
    expect(decideRetry(answered(status), context)).toEqual({
      type: "failed",
      reason: `The server answered ${status}`,
    });
  });

  it.each(["address_refused", "invalid_url", "unsupported_protocol", "invalid_request"] as const)(
    "fails a request refused as %s without retrying",
    (reason) => {
      expect(decideRetry(failed(reason), context)).toEqual({
        type: "failed",
        reason: `failed: ${reason}`,
      });
    },
  );
});
