import type { AppConfig } from "../lib/env";
import type { NewDelivery } from "../lib/engine/executors/node-executor";
import { sendRequest } from "../lib/http/send-request";
import { buildWebhookHeaders } from "../lib/webhooks/sign-webhook";

/** The response cap the job handlers give deliveries (5 MiB); it is not exported there. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Sends one delivery's request and tells whether the receiver answered 2xx. */
export type DirectSend = (message: NewDelivery) => Promise<boolean>;

/**
 * The baseline: the same signed request an attempt sends, through the same `sendRequest`
 * with the same limits, and nothing read from or written to the database. The gap between
 * this and the worker is what the queue, the claims and the attempt records cost.
 */
export function createDirectSend(config: AppConfig, secret: string): DirectSend {
  const options = {
    policy: { allowPrivateNetworks: config.allowPrivateNetworks },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    maxStoredBodyBytes: config.maxStoredBodyBytes,
    secrets: [secret],
  };

  return async (message) => {
    const headers = {
      ...message.headers,
      "content-type": "application/json",
      ...buildWebhookHeaders({
        secrets: [secret],
        messageId: message.messageId,
        timestampSeconds: Math.floor(Date.now() / 1000),
        body: message.payload,
      }),
    };
    const request = {
      method: "POST",
      url: message.endpointUrl,
      headers,
      body: message.payload,
      timeoutMs: message.timeoutMs,
    };
    const result = await sendRequest(request, options);
    return result.ok && result.response.status >= 200 && result.response.status < 300;
  };
}

/** Sends every message with `concurrency` requests in flight; returns how many got a 2xx. */
export async function sendAllDirectly(
  messages: readonly NewDelivery[],
  concurrency: number,
  send: DirectSend,
): Promise<number> {
  let next = 0;
  let delivered = 0;

  async function drain(): Promise<void> {
    for (let message = messages[next++]; message; message = messages[next++]) {
      if (await send(message)) delivered += 1;
    }
  }

  await Promise.all(Array.from({ length: concurrency }, drain));
  return delivered;
}
