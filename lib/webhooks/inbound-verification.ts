import type { VerificationKind, WebhookTriggerConfig } from "../workflow/webhook-trigger-node-type";
import { decodeSigningSecret, SIGNING_SECRET_PREFIX } from "./decode-signing-secret";
import { VERIFIED, rejection } from "./inbound/verification-parts";
import { verifyBasicAuth } from "./inbound/verify-basic-auth";
import { verifyGitHubDelivery } from "./inbound/verify-github";
import { verifyHeaderToken } from "./inbound/verify-header-token";
import { verifyHmacSignature } from "./inbound/verify-hmac";
import { verifyStandardWebhook } from "./inbound/verify-standard-webhooks";
import { verifyStripeEvent } from "./inbound/verify-stripe";

/** What verification reads of an inbound request. */
export type InboundVerificationRequest = {
  /** Header names lower-case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw bytes received, never re-serialised. */
  body: Uint8Array;
  nowMs: number;
};

/**
 * Whether a request proved where it comes from. A failure's reason is for the sender and the
 * delivery log; it never contains the secret or the signature we expected.
 */
export type VerificationOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** For basic-auth, the value to send as WWW-Authenticate, e.g. 'Basic realm="Switchyard"'. */
      challenge?: string;
    };

/**
 * Checks an inbound request against the Webhook trigger's verification scheme and the
 * workflow's secret. Signatures and credentials are compared in constant time; signed
 * timestamps may be at most five minutes off. `none` accepts at once.
 *
 * @example
 * const outcome = verifyInboundRequest(trigger, secret, { headers, body, nowMs: Date.now() });
 * if (!outcome.ok) return unauthorized(outcome.reason, outcome.challenge);
 */
export function verifyInboundRequest(
  config: WebhookTriggerConfig,
  secret: string | null,
  request: InboundVerificationRequest,
): VerificationOutcome {
  if (config.verification === "none") return VERIFIED;
  if (secret === null || secret === "") {
    return rejection("No verification secret is stored for this workflow");
  }

  switch (config.verification) {
    case "standard-webhooks":
      return verifyStandardWebhook(secret, request);
    case "github":
      return verifyGitHubDelivery(secret, request);
    case "stripe":
      return verifyStripeEvent(secret, request);
    case "hmac":
      return verifyHmacSignature(config, secret, request);
    case "basic-auth":
      return verifyBasicAuth(config.basicAuthUsername, secret, request);
    case "header-token":
      return verifyHeaderToken(config, secret, request);
  }
}

// Visible ASCII and inner spaces: what a header value can carry unchanged.
const HEADER_SAFE = /^[\x20-\x7e]+$/;

const STRIPE_SECRET = /^whsec_./;

/**
 * Null when `secret` suits the scheme, otherwise a sentence saying what is wrong, for the
 * form where the secret is set. Secrets come from senders, so only shapes that could never
 * verify are refused; weak secrets are the sender's choice.
 *
 * @example
 * checkVerificationSecret("stripe", "sk_live_abc");
 * // "Stripe signing secrets start with whsec_; copy it from the webhook endpoint in Stripe"
 */
export function checkVerificationSecret(kind: VerificationKind, secret: string): string | null {
  if (kind === "none") return null;
  if (secret === "") return "Enter the secret";
  if (secret.trim() !== secret) {
    return "The secret starts or ends with a space or line break, usually left over from copying";
  }

  switch (kind) {
    case "standard-webhooks":
      return checkStandardWebhooksSecret(secret);
    case "stripe":
      return STRIPE_SECRET.test(secret)
        ? null
        : "Stripe signing secrets start with whsec_; copy it from the webhook endpoint in Stripe";
    case "header-token":
      return HEADER_SAFE.test(secret)
        ? null
        : "A header can carry only printable ASCII characters, so the token must use only those";
    case "github":
    case "hmac":
    case "basic-auth":
      return null;
  }
}

function checkStandardWebhooksSecret(secret: string): string | null {
  if (!secret.startsWith(SIGNING_SECRET_PREFIX)) {
    return (
      "Standard Webhooks secrets look like whsec_ followed by base64; " +
      "add whsec_ if the sender gave only the base64"
    );
  }
  try {
    decodeSigningSecret(secret);
    return null;
  } catch {
    return "The part after whsec_ is not valid base64";
  }
}
