import { timingSafeEqual } from "node:crypto";

import { computeSignature } from "../compute-signature";
import { decodeSigningSecret } from "../decode-signing-secret";
import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import {
  checkTimestamp,
  decodeDigest,
  readHeader,
  rejection,
  VERIFIED,
} from "./verification-parts";

const V1_PREFIX = "v1,";

/**
 * Checks a Standard Webhooks message: `webhook-id`, `webhook-timestamp` within five minutes,
 * and at least one `v1,<base64>` entry of `webhook-signature` matching the HMAC-SHA256 of
 * `<id>.<timestamp>.<body>`. Entries of other versions are skipped, as the spec requires.
 */
export function verifyStandardWebhook(
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  const { headers } = request;
  const messageId = readHeader(headers, "webhook-id");
  if (messageId === undefined) return rejection("The webhook-id header is missing");
  const timestamp = readHeader(headers, "webhook-timestamp");
  if (timestamp === undefined) return rejection("The webhook-timestamp header is missing");
  const signatures = readHeader(headers, "webhook-signature");
  if (signatures === undefined) return rejection("The webhook-signature header is missing");

  const freshness = checkTimestamp(timestamp, "webhook-timestamp header", request.nowMs);
  if (!freshness.ok) return freshness;

  const key = decodeKey(secret);
  if (key === null) {
    return rejection("The stored secret is not a Standard Webhooks secret (whsec_ and base64)");
  }
  const expected = computeSignature(key, {
    messageId,
    timestampSeconds: Number(timestamp),
    body: request.body,
  });
  return matchV1Signatures(signatures, expected);
}

function decodeKey(secret: string): Buffer | null {
  try {
    return decodeSigningSecret(secret);
  } catch {
    // The secret was saved for another scheme before the workflow switched to this one.
    return null;
  }
}

function matchV1Signatures(header: string, expected: Buffer): VerificationOutcome {
  let hasV1 = false;
  let hasWellFormed = false;
  let isMatched = false;

  // Every entry is compared, so the time taken does not reveal which one matched.
  for (const entry of header.split(" ")) {
    if (!entry.startsWith(V1_PREFIX)) continue;
    hasV1 = true;
    const candidate = decodeDigest(entry.slice(V1_PREFIX.length), "base64", expected.length);
    if (candidate === null) continue;
    hasWellFormed = true;
    if (timingSafeEqual(candidate, expected)) isMatched = true;
  }

  if (!hasV1) return rejection("The webhook-signature header has no v1 signature");
  if (!hasWellFormed) {
    return rejection("The v1 signature in webhook-signature is not 44 base64 characters");
  }
  return isMatched ? VERIFIED : rejection("The signature does not match the message");
}
