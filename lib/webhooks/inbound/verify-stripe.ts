import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import {
  checkTimestamp,
  computeHmac,
  decodeDigest,
  DIGEST_BYTES,
  isSameDigest,
  readHeader,
  rejection,
  VERIFIED,
} from "./verification-parts";

/**
 * Checks a Stripe event: `Stripe-Signature` is `t=<unix>,v1=<hex>[,v1=<hex>...]`, the
 * timestamp is within five minutes, and one v1 entry is the hex HMAC-SHA256 of `<t>.<body>`
 * keyed with the whole secret, `whsec_` included. v0 entries (test-mode legacy) are ignored.
 */
export function verifyStripeEvent(
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  const header = readHeader(request.headers, "stripe-signature");
  if (header === undefined) return rejection("The Stripe-Signature header is missing");

  const items = header.split(",");
  const timestamp = findTimestamp(items);
  if (timestamp === undefined) {
    return rejection("The Stripe-Signature header has no t= timestamp");
  }
  const freshness = checkTimestamp(timestamp, "Stripe-Signature timestamp", request.nowMs);
  if (!freshness.ok) return freshness;

  const expected = computeHmac("sha256", secret, `${timestamp}.`, request.body);
  return matchV1Signatures(items, expected);
}

function findTimestamp(items: readonly string[]): string | undefined {
  for (const item of items) {
    const trimmed = item.trim();
    if (trimmed.startsWith("t=")) return trimmed.slice(2);
  }
  return undefined;
}

function matchV1Signatures(items: readonly string[], expected: Buffer): VerificationOutcome {
  let hasV1 = false;
  let hasWellFormed = false;
  let isMatched = false;

  // Every entry is compared, so the time taken does not reveal which one matched.
  for (const item of items) {
    const trimmed = item.trim();
    if (!trimmed.startsWith("v1=")) continue;
    hasV1 = true;
    const candidate = decodeDigest(trimmed.slice(3), "hex", DIGEST_BYTES.sha256);
    if (candidate === null) continue;
    hasWellFormed = true;
    if (isSameDigest(candidate, expected)) isMatched = true;
  }

  if (!hasV1) return rejection("The Stripe-Signature header has no v1= signature");
  if (!hasWellFormed) {
    return rejection("The v1 signature in Stripe-Signature is not 64 hex characters");
  }
  return isMatched ? VERIFIED : rejection("The signature does not match the body");
}
