import { sendRequest, type OutboundResult } from "../http/send-request";
import { buildWebhookHeaders } from "../webhooks/sign-webhook";
import type { ExecutionEnv } from "../engine/executors/node-executor";

/** What one attempt of a delivery sends: the stored message and where it goes. */
export type SignedMessage = {
  messageId: string;
  endpointUrl: string;
  /** Extra headers the node configured; the signature headers always win over them. */
  headers: Record<string, string>;
  payload: string;
  timeoutMs: number;
};

/**
 * Sends one attempt of a delivery: the stored payload, signed afresh per Standard Webhooks with
 * the same message id and a new timestamp, through the guarded outbound client. `secrets` is
 * one secret, or during a rotation every valid one, current first: each adds a signature, so a
 * receiver holding any of them accepts the message. Every secret is redacted wherever it could
 * appear in the captured exchange.
 */
export function sendSignedDelivery(
  message: SignedMessage,
  secrets: string | readonly string[],
  now: Date,
  env: ExecutionEnv,
): Promise<OutboundResult> {
  const signingSecrets = typeof secrets === "string" ? [secrets] : secrets;
  const headers = {
    ...message.headers,
    "content-type": "application/json",
    ...buildWebhookHeaders({
      secrets: signingSecrets,
      messageId: message.messageId,
      timestampSeconds: Math.floor(now.getTime() / 1000),
      body: message.payload,
    }),
  };
  return sendRequest(
    {
      method: "POST",
      url: message.endpointUrl,
      headers,
      body: message.payload,
      timeoutMs: message.timeoutMs,
    },
    {
      policy: env.policy,
      maxResponseBytes: env.maxResponseBytes,
      redaction: env.redaction(),
      secrets: signingSecrets,
    },
  );
}
