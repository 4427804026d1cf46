import type { Db } from "../db/client";
import { publish } from "../events/event-bus";
import { recordExchange } from "../exchanges/record-exchange";
import { sendRequest } from "../http/send-request";
import { log } from "../log";
import { retryDelayMs } from "../queue/backoff";
import type { JobOutcome } from "../queue/worker";
import { buildWebhookHeaders } from "../webhooks/sign-webhook";
import { parseStoredGraph } from "../workflows/stored-graph";
import type { ExecutionEnv } from "./executors/node-executor";

export type DeliveryOptions = {
  db: Db;
  env: ExecutionEnv;
  retryDelaysMs: readonly number[];
  now?: () => Date;
  random?: () => number;
};

/**
 * Makes one attempt of a delivery: signs the stored message afresh (same message id, new
 * timestamp and signature), sends it, records the attempt as an exchange, and either marks the
 * delivery delivered, schedules the next attempt with backoff, or marks it failed when the
 * schedule is exhausted.
 */
export async function attemptDelivery(
  deliveryId: string,
  options: DeliveryOptions,
): Promise<JobOutcome> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const delivery = await db.delivery.findUnique({
    where: { id: deliveryId },
    include: {
      step: { select: { nodeId: true } },
      run: { select: { version: { select: { graph: true } } } },
    },
  });
  if (!delivery || delivery.status !== "pending") return { type: "done" };

  const secret = signingSecretOf(delivery.run.version.graph, delivery.step.nodeId);
  if (!secret) return fail(options, delivery, "The node's signing secret is missing");

  const attempt = delivery.attempts + 1;
  const headers = {
    ...parseHeaders(delivery.headers),
    "content-type": "application/json",
    ...buildWebhookHeaders({
      secrets: [secret],
      messageId: delivery.messageId,
      timestampSeconds: Math.floor(now().getTime() / 1000),
      body: delivery.payload,
    }),
  };
  const result = await sendRequest(
    {
      method: "POST",
      url: delivery.endpointUrl,
      headers,
      body: delivery.payload,
      timeoutMs: delivery.timeoutMs,
    },
    {
      policy: options.env.policy,
      maxResponseBytes: options.env.maxResponseBytes,
      maxStoredBodyBytes: options.env.maxStoredBodyBytes,
      secrets: [secret],
    },
  );

  const status = result.ok ? result.response.status : null;
  const isDelivered = status !== null && status >= 200 && status < 300;
  const delayMs = isDelivered ? null : retryDelayMs(attempt, options.retryDelaysMs, options.random);
  const nextAttemptAt = delayMs === null ? null : new Date(now().getTime() + delayMs);
  const newStatus = isDelivered ? "delivered" : nextAttemptAt ? "pending" : "failed";
  const error = result.ok
    ? isDelivered
      ? null
      : `The receiver answered ${status}`
    : result.message;

  const exchange = await db.$transaction(async (tx) => {
    await tx.delivery.update({
      where: { id: delivery.id },
      data: {
        attempts: attempt,
        status: newStatus,
        nextAttemptAt,
        lastStatus: status,
        lastError: error,
      },
    });
    const links = {
      workspaceId: delivery.workspaceId,
      workflowId: delivery.workflowId,
      runId: delivery.runId,
      stepId: delivery.stepId,
      deliveryId: delivery.id,
      attempt,
    };
    return recordExchange(tx, "webhook_attempt", links, result.exchange);
  });

  publish({
    workspaceId: delivery.workspaceId,
    event: {
      type: "exchange.created",
      id: exchange.id,
      workflowId: delivery.workflowId,
      runId: delivery.runId,
    },
  });
  publish({
    workspaceId: delivery.workspaceId,
    event: { type: "delivery.updated", id: delivery.id, runId: delivery.runId, status: newStatus },
  });
  log.info(
    { deliveryId: delivery.id, attempt, status, outcome: newStatus, error },
    "delivery attempt finished",
  );

  return nextAttemptAt
    ? { type: "retry_at", runAt: nextAttemptAt, reason: error ?? "retry" }
    : { type: "done" };
}

function signingSecretOf(graphText: string, nodeId: string): string | null {
  const node = parseStoredGraph(graphText).nodes.find((candidate) => candidate.id === nodeId);
  const secret = node?.config["secret"];
  return typeof secret === "string" && secret.startsWith("whsec_") ? secret : null;
}

function parseHeaders(text: string): Record<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

async function fail(
  options: DeliveryOptions,
  delivery: { id: string; workspaceId: string; runId: string },
  error: string,
): Promise<JobOutcome> {
  await options.db.delivery.update({
    where: { id: delivery.id },
    data: { status: "failed", lastError: error },
  });
  publish({
    workspaceId: delivery.workspaceId,
    event: { type: "delivery.updated", id: delivery.id, runId: delivery.runId, status: "failed" },
  });
  log.warn({ deliveryId: delivery.id, error }, "delivery failed without an attempt");
  return { type: "done" };
}
