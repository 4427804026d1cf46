import type { WebhookTriggerConfig } from "../../workflow/webhook-trigger-node-type";
import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import { isSameCredential, readHeader, rejection, VERIFIED } from "./verification-parts";

const BEARER_SCHEME = /^bearer +/i;

/**
 * Checks that the configured header carries the secret. In `Authorization` the value may also
 * be `Bearer <secret>`, the form most senders use there.
 */
export function verifyHeaderToken(
  config: WebhookTriggerConfig,
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  const name = config.tokenHeader;
  // The settings allow an empty name; with no header to read, nothing can pass.
  if (name === "") return rejection("The Webhook trigger names no token header");
  const lowerCasedName = name.toLowerCase();
  const value = readHeader(request.headers, lowerCasedName);
  if (value === undefined) return rejection(`The ${name} header is missing`);

  const bearer = lowerCasedName === "authorization" ? BEARER_SCHEME.exec(value) : null;
  // Both forms are compared when the value is a bearer token, so a secret that itself begins
  // with "Bearer " still matches.
  const isBearerRight = bearer !== null && isSameCredential(value.slice(bearer[0].length), secret);
  const isValueRight = isSameCredential(value, secret);
  return isBearerRight || isValueRight ? VERIFIED : rejection(`The ${name} header is wrong`);
}
