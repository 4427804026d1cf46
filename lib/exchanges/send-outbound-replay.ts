import "server-only";
import type { Db } from "../db/client";
import type { Exchange } from "../db/generated/client";
import { loadAttemptContext } from "../deliveries/attempt-context";
import { sendSignedDelivery } from "../deliveries/send-signed-delivery";
import { loadSigningSecrets } from "../deliveries/signing-secrets";
import type { ExecutionEnv } from "../engine/executors/node-executor";
import { sendRequest, type OutboundResult } from "../http/send-request";
import type { ReplayRefusal, ReplayRequest } from "./replay-request";

/** How long a replayed API call may take; the step's own timeout is not kept with the exchange. */
export const REPLAY_TIMEOUT_MS = 30_000;

// Regenerated for every attempt, so the recorded values are never resent.
const SIGNATURE_HEADERS = new Set(["webhook-id", "webhook-timestamp", "webhook-signature"]);

export type SentReplay = { ok: true; result: OutboundResult } | ({ ok: false } & ReplayRefusal);

/**
 * Sends an edited API call through the guarded client. `secrets` are values to redact wherever
 * they appear in the recorded exchange, such as credentials the person typed in.
 */
export async function sendApiCallReplay(
  request: ReplayRequest,
  env: ExecutionEnv,
  secrets: readonly string[],
): Promise<SentReplay> {
  const result = await sendRequest(
    { ...request, body: request.body ?? undefined, timeoutMs: REPLAY_TIMEOUT_MS },
    {
      policy: env.policy,
      maxResponseBytes: env.maxResponseBytes,
      redaction: env.redaction(),
      secrets,
    },
  );
  return { ok: true, result };
}

/**
 * Sends an edited webhook attempt as its delivery's attempts are sent: a POST under the same
 * message id, with a fresh timestamp and signatures over the (edited) body, made with every
 * secret the node signs with now. The delivery itself is not changed.
 */
export async function sendWebhookReplay(
  db: Db,
  original: Exchange,
  request: ReplayRequest,
  env: ExecutionEnv,
): Promise<SentReplay> {
  const context = original.deliveryId ? await loadAttemptContext(db, original.deliveryId) : null;
  if (!context) {
    const message = "The delivery of this attempt no longer exists, so it cannot be signed.";
    return { ok: false, reason: "not_replayable", message };
  }
  if (request.method !== "POST") {
    const message = "A webhook attempt is always sent with POST.";
    return { ok: false, reason: "invalid_edit", field: "method", message };
  }

  const now = new Date();
  const { delivery } = context;
  const secrets = await loadSigningSecrets(
    db,
    {
      workflowId: delivery.workflowId,
      nodeId: context.nodeId,
      pinnedVersionId: context.pinnedVersionId,
      activeVersionId: context.activeVersionId,
    },
    now,
  );
  if (secrets.length === 0) {
    return {
      ok: false,
      reason: "not_replayable",
      message: "The node's signing secret is missing.",
    };
  }

  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !SIGNATURE_HEADERS.has(name.toLowerCase())),
  );
  const payload = request.body === null ? "" : Buffer.from(request.body).toString("utf8");
  const message = {
    messageId: delivery.messageId,
    endpointUrl: request.url,
    headers,
    payload,
    timeoutMs: delivery.timeoutMs,
  };
  return { ok: true, result: await sendSignedDelivery(message, secrets, now, env) };
}
