import { retryDelayMs } from "../queue/backoff";
import type { OutboundFailureReason } from "../http/send-request";

/** The longest a receiver's `Retry-After` can push the next attempt out. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * What one attempt produced, as far as the retry policy cares: the answer's status and headers
 * (lower-cased names), or why no answer came. Structurally a subset of the outbound client's
 * result.
 */
export type AttemptResult =
  | { ok: true; response: { status: number; headers: Record<string, string> } }
  | { ok: false; reason: AttemptFailureReason; message: string };

export type AttemptFailureReason = OutboundFailureReason;

/** The decision about a delivery after one attempt. */
export type AttemptVerdict =
  | { type: "delivered" }
  | { type: "retry"; at: Date; reason: string }
  | { type: "failed"; reason: string }
  | { type: "disable_endpoint"; reason: string };

export type ClassifyOptions = {
  /** 1-based number of this attempt within the current schedule. */
  attempt: number;
  /** Delays between attempts; the first attempt is not in it. */
  scheduleMs: readonly number[];
  /** Returns a number in [0, 1) for the schedule's jitter; inject it in tests. */
  random?: () => number;
};

/**
 * The retry policy of deliveries, as a pure function of one attempt's result:
 * - 2xx is delivered.
 * - 5xx, timeouts, connection and DNS failures retry on the schedule until it runs out.
 * - 429 and 503 retry too, and honour `Retry-After` (seconds or an HTTP date), capped at 24 h
 *   and never sooner than the schedule's own next delay.
 * - 410 Gone fails the delivery and disables its endpoint.
 * - 3xx fails without retry: redirects are never followed, so retrying would not help.
 * - Other 4xx answers, and requests the client refused to send (a refused address, a bad URL),
 *   fail without retry: sending the same bytes again gets the same answer.
 */
export function classifyAttempt(
  result: AttemptResult,
  now: Date,
  options: ClassifyOptions,
): AttemptVerdict {
  if (!result.ok) {
    return isRetriableFailure(result.reason)
      ? retryOnSchedule(result.message, now, options, null)
      : { type: "failed", reason: result.message };
  }

  const { status, headers } = result.response;
  if (status >= 200 && status < 300) return { type: "delivered" };
  if (status === 410) {
    return { type: "disable_endpoint", reason: "The receiver answered 410 Gone" };
  }
  const reason = `The receiver answered ${status}`;
  if (status === 429 || status === 503) {
    const waitMs = parseRetryAfterMs(headers["retry-after"], now);
    return retryOnSchedule(reason, now, options, waitMs);
  }
  if (status >= 500 && status < 600) return retryOnSchedule(reason, now, options, null);
  if (status >= 300 && status < 400) {
    return { type: "failed", reason: `${reason}, a redirect, which is not followed` };
  }
  return { type: "failed", reason };
}

function isRetriableFailure(reason: AttemptFailureReason): boolean {
  switch (reason) {
    case "timeout":
    case "connection_failed":
    case "dns_failed":
    case "response_too_large":
      return true;
    case "invalid_url":
    case "unsupported_protocol":
    case "invalid_request":
    case "address_refused":
      return false;
  }
}

function retryOnSchedule(
  reason: string,
  now: Date,
  options: ClassifyOptions,
  retryAfterMs: number | null,
): AttemptVerdict {
  const scheduledMs = retryDelayMs(options.attempt, options.scheduleMs, options.random);
  if (scheduledMs === null) {
    return { type: "failed", reason: `${reason}; no attempts left on the schedule` };
  }
  const delayMs =
    retryAfterMs === null
      ? scheduledMs
      : Math.max(scheduledMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  return { type: "retry", at: new Date(now.getTime() + delayMs), reason };
}

/**
 * Reads `Retry-After` as delay seconds or an HTTP date (RFC 9110 section 10.2.3). A date in the
 * past means now; anything unreadable is ignored.
 */
export function parseRetryAfterMs(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday and month; without letters, Date.parse would read "-5" as a
  // year.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
