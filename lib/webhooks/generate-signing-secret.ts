import { randomBytes } from "node:crypto";

import { SIGNING_SECRET_PREFIX } from "./decode-signing-secret";

// The spec asks for 24 to 64 bytes; 32 matches the HMAC-SHA256 block strength.
const SECRET_BYTES = 32;

/**
 * Creates a new Standard Webhooks signing secret: `whsec_` followed by base64 of 32 random
 * bytes. Show it to the endpoint owner once; store it encrypted.
 *
 * @example
 * const secret = generateSigningSecret(); // "whsec_2xW0...="
 */
export function generateSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}
