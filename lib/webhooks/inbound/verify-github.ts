import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import {
  computeHmac,
  decodeDigest,
  DIGEST_BYTES,
  isSameDigest,
  readHeader,
  rejection,
  VERIFIED,
} from "./verification-parts";

const SIGNATURE_PREFIX = "sha256=";

/**
 * Checks a GitHub delivery: `X-Hub-Signature-256` is `sha256=` and the hex HMAC-SHA256 of the
 * raw body, keyed with the secret's UTF-8 bytes. GitHub signs no timestamp, so a captured
 * delivery can be replayed later; setting the trigger's message id header to
 * X-GitHub-Delivery makes a replay run nothing new within 24 hours, and no longer than that.
 */
export function verifyGitHubDelivery(
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  const header = readHeader(request.headers, "x-hub-signature-256");
  if (header === undefined) return rejection("The X-Hub-Signature-256 header is missing");
  if (!header.startsWith(SIGNATURE_PREFIX)) {
    return rejection("The X-Hub-Signature-256 header does not start with sha256=");
  }

  const candidate = decodeDigest(header.slice(SIGNATURE_PREFIX.length), "hex", DIGEST_BYTES.sha256);
  if (candidate === null) {
    return rejection("The X-Hub-Signature-256 signature is not 64 hex characters");
  }

  const expected = computeHmac("sha256", secret, "", request.body);
  return isSameDigest(candidate, expected)
    ? VERIFIED
    : rejection("The signature does not match the body");
}
