import type { AppConfig } from "../lib/env";
import type { NewDelivery } from "../lib/engine/executors/node-executor";
import { sendSignedDelivery } from "../lib/deliveries/send-signed-delivery";
import { executionEnvFor } from "../lib/engine/job-handlers";

/** Sends one delivery's request and tells whether the receiver answered 2xx. */
export type DirectSend = (message: NewDelivery) => Promise<boolean>;

/**
 * The baseline: the same signed request an attempt sends, through `sendSignedDelivery`
 * with the same limits, and nothing read from or written to the database. The gap between
 * this and the worker is what the queue, the claims and the attempt records cost.
 */
export function createDirectSend(config: AppConfig, secret: string): DirectSend {
  const env = executionEnvFor(config);
  return async (message) => {
    const result = await sendSignedDelivery(message, secret, new Date(), env);
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
