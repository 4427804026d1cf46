import { timingSafeEqual } from "node:crypto";

import { computeSignature } from "./compute-signature";
import { decodeSigningSecret } from "./decode-signing-secret";

/** Why an inbound message was not accepted; each maps to a 401 with nothing started. */
export type WebhookVerificationFailure =
  | "missing_headers"
  | "malformed_timestamp"
  | "timestamp_out_of_tolerance"
  | "malformed_signature"
  | "signature_mismatch";

export type VerifyWebhookResult = { ok: true } | { ok: false; reason: WebhookVerificationFailure };

export type VerifyWebhookInput = {
  secret: string;
  headers: Headers | Record<string, string>;
  /** The body exactly as received. Re-serialised JSON will not verify. */
  rawBody: Uint8Array | string;
  nowSeconds: number;
  /** How far the sender's clock may be off in either direction; the spec suggests 5 minutes. */
  toleranceSeconds?: number;
};

const DEFAULT_TOLERANCE_SECONDS = 300;

// Fifteen digits keep the value a safe integer; real timestamps have ten.
const TIMESTAMP = /^\d{1,15}$/;

// A v1 signature is an HMAC-SHA256, 32 bytes, which is always 43 base64 characters and one "=".
const V1_SIGNATURE = /^v1,([A-Za-z0-9+/]{43}=)$/;

/**
 * Checks a Standard Webhooks message: the three `webhook-*` headers are present, the timestamp
 * is within tolerance of `nowSeconds`, and one of the `v1` signatures in `webhook-signature`
 * matches the HMAC of the raw body. Signatures of other versions are ignored, as the spec
 * requires; the comparison is constant-time.
 *
 * @example
 * const verdict = verifyWebhook({ secret, headers: request.headers, rawBody, nowSeconds });
 * if (!verdict.ok) return unauthorized(verdict.reason);
 */
export function verifyWebhook(input: VerifyWebhookInput): VerifyWebhookResult {
  const messageId = readHeader(input.headers, "webhook-id");
  const timestampText = readHeader(input.headers, "webhook-timestamp");
  const signatureHeader = readHeader(input.headers, "webhook-signature");
  if (!messageId || !timestampText || !signatureHeader) {
    return { ok: false, reason: "missing_headers" };
  }

  if (!TIMESTAMP.test(timestampText)) return { ok: false, reason: "malformed_timestamp" };
  const timestampSeconds = Number(timestampText);
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - timestampSeconds) > toleranceSeconds) {
    return { ok: false, reason: "timestamp_out_of_tolerance" };
  }

  const candidates = parseV1Signatures(signatureHeader);
  if (candidates.length === 0) return { ok: false, reason: "malformed_signature" };

  const expected = computeSignature(decodeSigningSecret(input.secret), {
    messageId,
    timestampSeconds,
    body: input.rawBody,
  });
  // Every candidate is compared, so the time taken does not reveal which one matched.
  const matches = candidates.filter((candidate) => timingSafeEqual(candidate, expected));
  return matches.length > 0 ? { ok: true } : { ok: false, reason: "signature_mismatch" };
}

function readHeader(headers: Headers | Record<string, string>, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);

  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry ? entry[1] : null;
}

/** Decodes the well-formed v1 entries; entries of other versions or shapes are skipped. */
function parseV1Signatures(header: string): Buffer[] {
  return header
    .split(" ")
    .map((entry) => V1_SIGNATURE.exec(entry)?.[1])
    .filter((encoded) => encoded !== undefined)
    .map((encoded) => Buffer.from(encoded, "base64"));
}
