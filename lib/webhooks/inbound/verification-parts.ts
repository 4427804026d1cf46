import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import type { VerificationOutcome } from "../inbound-verification";

/** How far a signed timestamp may be from our clock, in either direction. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export type HmacAlgorithm = "sha256" | "sha1" | "sha512";

export type DigestEncoding = "hex" | "base64";

/** Digest sizes in bytes, which fix how long a well-formed signature is. */
export const DIGEST_BYTES: Readonly<Record<HmacAlgorithm, number>> = {
  sha1: 20,
  sha256: 32,
  sha512: 64,
};

/** One shared success value, so passing requests allocate no outcome. */
export const VERIFIED: VerificationOutcome = Object.freeze({ ok: true });

// Fifteen digits keep the value a safe integer; real timestamps have ten.
const UNIX_SECONDS = /^\d{1,15}$/;

const HEX = /^[0-9a-fA-F]*$/;

// Senders differ in alphabet and padding; whatever they send must still decode to the digest.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function rejection(reason: string): VerificationOutcome {
  return { ok: false, reason };
}

/**
 * A header's value, or undefined when it is absent or empty. Only own properties count, so a
 * configured name such as "constructor" cannot reach the prototype of a plain object.
 */
export function readHeader(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const value = headers[name];
  return value === "" ? undefined : value;
}

/**
 * Checks that `text` is a Unix time in seconds within the tolerance of `nowMs`. `source` names
 * where it came from for the reason, e.g. "webhook-timestamp header".
 */
export function checkTimestamp(text: string, source: string, nowMs: number): VerificationOutcome {
  if (!UNIX_SECONDS.test(text)) return rejection(`The ${source} is not a Unix time in seconds`);

  const ageSeconds = Math.floor(nowMs / 1000) - Number(text);
  if (ageSeconds > TIMESTAMP_TOLERANCE_SECONDS) {
    return rejection(
      `The timestamp is ${ageSeconds} seconds old; ` +
        `at most ${TIMESTAMP_TOLERANCE_SECONDS} are allowed`,
    );
  }
  if (-ageSeconds > TIMESTAMP_TOLERANCE_SECONDS) {
    return rejection(
      `The timestamp is ${-ageSeconds} seconds in the future; ` +
        `at most ${TIMESTAMP_TOLERANCE_SECONDS} are allowed`,
    );
  }
  return VERIFIED;
}

/**
 * The HMAC of `signedPrefix` followed by the raw body. Feeding the two to the HMAC in turn
 * signs exactly their concatenated bytes without copying the body, so bodies that are not
 * UTF-8 verify as sent.
 */
export function computeHmac(
  algorithm: HmacAlgorithm,
  key: string | Uint8Array,
  signedPrefix: string,
  body: Uint8Array,
): Buffer {
  const hmac = createHmac(algorithm, key);
  if (signedPrefix !== "") hmac.update(signedPrefix);
  return hmac.update(body).digest();
}

/**
 * Decodes a signature that should be a digest of `byteLength` bytes; null when it has another
 * length or characters the encoding does not have, so truncated signatures are told apart
 * from wrong ones.
 */
export function decodeDigest(
  text: string,
  encoding: DigestEncoding,
  byteLength: number,
): Buffer | null {
  if (encoding === "hex") {
    if (text.length !== byteLength * 2 || !HEX.test(text)) return null;
    return Buffer.from(text, "hex");
  }

  if (text.length > Math.ceil(byteLength / 3) * 4 || !BASE64.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.length === byteLength ? bytes : null;
}

/** How a well-formed signature looks, for reasons: "64 hex characters". */
export function describeDigest(encoding: DigestEncoding, byteLength: number): string {
  return encoding === "hex"
    ? `${byteLength * 2} hex characters`
    : `${Math.ceil(byteLength / 3) * 4} base64 characters`;
}

/** Constant-time comparison of two digests of the same algorithm. */
export function isSameDigest(candidate: Buffer, expected: Buffer): boolean {
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/**
 * Constant-time comparison of a presented credential with the secret. Both are hashed first,
 * so the time taken reveals neither where they differ nor how long the secret is.
 */
export function isSameCredential(presented: string, secret: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(secret));
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
