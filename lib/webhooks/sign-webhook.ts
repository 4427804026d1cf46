import { computeSignature, type SignedContent } from "./compute-signature";
import { decodeSigningSecret } from "./decode-signing-secret";

/** A message to sign, with every secret currently valid for the endpoint. */
export type SignWebhookInput = SignedContent & {
  /** More than one during a rotation, so receivers holding either secret accept the message. */
  secrets: readonly string[];
};

/** The three headers a Standard Webhooks receiver reads. */
export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Computes the `webhook-signature` header value: one `v1,<base64 HMAC-SHA256>` entry per
 * secret, separated by spaces.
 *
 * Throws when there is no secret or the timestamp is not whole seconds: both are bugs in the
 * caller, and signing anyway would send messages no receiver can verify.
 *
 * @example
 * signWebhook({ secrets: [secret], messageId: "msg_1", timestampSeconds: 1614265330, body });
 * // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 */
export function signWebhook(input: SignWebhookInput): string {
  if (input.secrets.length === 0) {
    throw new TypeError("signWebhook needs at least one secret");
  }
  if (!Number.isSafeInteger(input.timestampSeconds) || input.timestampSeconds < 0) {
    throw new TypeError("signWebhook needs the timestamp as whole seconds since the epoch");
  }

  return input.secrets
    .map((secret) => {
      const signature = computeSignature(decodeSigningSecret(secret), input);
      return `v1,${signature.toString("base64")}`;
    })
    .join(" ");
}

/**
 * Builds the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers for one
 * delivery attempt. The message id stays the same across attempts; the timestamp, and with it
 * the signature, is fresh each time.
 *
 * @example
 * const headers = buildWebhookHeaders({ secrets, messageId, timestampSeconds, body });
 */
export function buildWebhookHeaders(input: SignWebhookInput): WebhookHeaders {
  return {
    "webhook-id": input.messageId,
    "webhook-timestamp": String(input.timestampSeconds),
    "webhook-signature": signWebhook(input),
  };
}
