import type { InboundVerificationRequest, VerificationOutcome } from "../inbound-verification";
import { isSameCredential, readHeader, VERIFIED } from "./verification-parts";

/** What a client is told to send; browsers and most HTTP clients answer it with credentials. */
export const BASIC_AUTH_CHALLENGE = 'Basic realm="Switchyard"';

const BASIC_SCHEME = /^basic +/i;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks `Authorization: Basic base64(username:password)` against the configured username and
 * the secret as password. Every failure carries the challenge for `WWW-Authenticate`. A wrong
 * username and a wrong password read the same, so the reason does not confirm a username.
 */
export function verifyBasicAuth(
  username: string,
  secret: string,
  request: InboundVerificationRequest,
): VerificationOutcome {
  const header = readHeader(request.headers, "authorization");
  if (header === undefined) return challenged("The Authorization header is missing");
  const scheme = BASIC_SCHEME.exec(header);
  if (scheme === null) return challenged("The Authorization header does not use the Basic scheme");

  const encoded = header.slice(scheme[0].length).trim();
  if (!BASE64.test(encoded)) return challenged("The Basic credentials are not base64");
  const credentials = Buffer.from(encoded, "base64").toString("utf8");
  const colon = credentials.indexOf(":");
  if (colon === -1) {
    return challenged("The Basic credentials have no colon between username and password");
  }

  // Both halves are always compared, so timing does not tell which one was wrong.
  const isUsernameRight = isSameCredential(credentials.slice(0, colon), username);
  const isPasswordRight = isSameCredential(credentials.slice(colon + 1), secret);
  return isUsernameRight && isPasswordRight
    ? VERIFIED
    : challenged("The username or password is wrong");
}

function challenged(reason: string): VerificationOutcome {
  return { ok: false, reason, challenge: BASIC_AUTH_CHALLENGE };
}
