import type { WebhookTriggerConfig } from "../../workflow/webhook-trigger-node-type";
import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import {
  checkTimestamp,
  computeHmac,
  decodeDigest,
  describeDigest,
  DIGEST_BYTES,
  isSameDigest,
  readHeader,
  rejection,
  VERIFIED,
} from "./verification-parts";

/**
 * Checks a signature in the shape the trigger describes: the header, its optional prefix, the
 * algorithm and encoding, and whether the signed content is the raw body or
 * `<timestamp header>.<body>` (with the timestamp within five minutes).
 */
export function verifyHmacSignature(
  config: WebhookTriggerConfig,
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  // The settings allow an empty name; with no header to read, nothing can pass.
  if (config.hmacHeader === "") return rejection("The Webhook trigger names no signature header");
  const header = readHeader(request.headers, config.hmacHeader.toLowerCase());
  if (header === undefined) return rejection(`The ${config.hmacHeader} header is missing`);
  if (!header.startsWith(config.hmacPrefix)) {
    return rejection(`The ${config.hmacHeader} header does not start with "${config.hmacPrefix}"`);
  }

  const byteLength = DIGEST_BYTES[config.hmacAlgorithm];
  const encoded = header.slice(config.hmacPrefix.length);
  const candidate = decodeDigest(encoded, config.hmacEncoding, byteLength);
  if (candidate === null) {
    const shape = describeDigest(config.hmacEncoding, byteLength);
    return rejection(`The ${config.hmacHeader} signature is not ${shape}`);
  }

  const signedPrefix = readSignedPrefix(config, request);
  if (typeof signedPrefix !== "string") return signedPrefix;

  const expected = computeHmac(config.hmacAlgorithm, secret, signedPrefix, request.body);
  return isSameDigest(candidate, expected)
    ? VERIFIED
    : rejection("The signature does not match the body");
}

/** What is signed before the body: nothing, or the fresh timestamp header and a dot. */
function readSignedPrefix(
  config: WebhookTriggerConfig,
  request: InboundVerificationRequest,
): string | VerificationOutcome {
  if (config.hmacSignedContent === "body") return "";

  const name = config.hmacTimestampHeader;
  if (name === "") return rejection("The Webhook trigger names no timestamp header");
  const timestamp = readHeader(request.headers, name.toLowerCase());
  if (timestamp === undefined) return rejection(`The ${name} header is missing`);

  const freshness = checkTimestamp(timestamp, `${name} header`, request.nowMs);
  return freshness.ok ? `${timestamp}.` : freshness;
}
