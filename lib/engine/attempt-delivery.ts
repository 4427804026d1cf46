import type { Db } from "../db/client";
import { classifyAttempt, type AttemptVerdict } from "../deliveries/classify-attempt";
import { loadAttemptContext, type AttemptDelivery } from "../deliveries/attempt-context";
import {
  recordDelivered as recordDeliveredRow,
  type DeliveredAttempt,
} from "../deliveries/record-delivered";
import {
  DEFAULT_ENDPOINT_DISABLE_AFTER_MS,
  recordEndpointOutcome,
  type EndpointOutcome,
} from "../deliveries/endpoint-health";
import { readStoredSchedule } from "../deliveries/parse-retry-schedule";
import { retryOnUniqueConflict } from "../db/unique-conflict";
import { publish } from "../events/event-bus";
import { recordExchange } from "../exchanges/record-exchange";
import { isResentAttempt, linkResentAttempt } from "../deliveries/resend-delivery";
import { sendSignedDelivery } from "../deliveries/send-signed-delivery";
import { loadSigningSecrets } from "../deliveries/signing-secrets";
import type { OutboundResult } from "../http/send-request";
import { log } from "../log";
import { maxAttemptsFor } from "../queue/backoff";
import type { JobOutcome } from "../queue/worker";
import type { ExecutionEnv } from "./executors/node-executor";

export type DeliveryOptions = {
  db: Db;
  env: ExecutionEnv;
  /** The installation's schedule, for deliveries whose node set none of its own. */
  retryDelaysMs: readonly number[];
  /** How long an endpoint may fail without a success before it is disabled. */
  endpointDisableAfterMs?: number;
  now?: () => Date;
  random?: () => number;
};

/**
 * Makes one attempt of a delivery: signs the stored message afresh (same message id, new
 * timestamp and signature, with every secret `loadSigningSecrets` finds for its node), sends it,
 * records the attempt as an exchange (linked to the attempt it replays after a manual resend),
 * and applies the retry policy of `classifyAttempt`: delivered, the next attempt scheduled, or
 * failed. It also keeps the endpoint's health: a success clears its failing streak, a long
 * streak or a 410 disables it, and deliveries to a disabled endpoint fail without being sent.
 */
export async function attemptDelivery(
  deliveryId: string,
  options: DeliveryOptions,
): Promise<JobOutcome> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const context = await loadAttemptContext(db, deliveryId);
  if (!context || context.delivery.status !== "pending") return { type: "done" };
  const { delivery } = context;

  if (context.disabledEndpoint) {
    const { reason } = context.disabledEndpoint;
    const why = reason ? ` (${reason})` : "";
    const error = `Not sent: the endpoint is disabled${why}. Re-enable it, then resend.`;
    return failWithoutAttempt(options, delivery, error);
  }
  const secrets = await loadSigningSecrets(
    db,
    {
      workflowId: delivery.workflowId,
      nodeId: context.nodeId,
      pinnedVersionId: context.pinnedVersionId,
      activeVersionId: context.activeVersionId,
    },
    now(),
  );
  if (secrets.length === 0) {
    return failWithoutAttempt(options, delivery, "The node's signing secret is missing");
  }

  const attempt = delivery.attempts + 1;
  const message = { ...delivery, headers: parseHeaders(delivery.headers) };
  const result = await sendSignedDelivery(message, secrets, now(), options.env);
  const scheduleMs = readStoredSchedule(delivery.retryScheduleMs) ?? options.retryDelaysMs;
  const verdict = classifyAttempt(result, now(), {
    attempt: attempt - delivery.scheduleStartAttempt,
    scheduleMs,
    random: options.random,
  });
  return recordAttempt(options, delivery, { attempt, result, verdict, scheduleMs, now: now() });
}

type AttemptRecord = {
  attempt: number;
  result: OutboundResult;
  verdict: AttemptVerdict;
  scheduleMs: readonly number[];
  now: Date;
};

async function recordAttempt(
  options: DeliveryOptions,
  delivery: AttemptDelivery,
  record: AttemptRecord,
): Promise<JobOutcome> {
  const { attempt, result, verdict, now } = record;
  const status = result.ok ? result.response.status : null;
  const endpoint = { workspaceId: delivery.workspaceId, url: delivery.endpointUrl };
  const disableAfterMs = options.endpointDisableAfterMs ?? DEFAULT_ENDPOINT_DISABLE_AFTER_MS;

  const links = {
    workspaceId: delivery.workspaceId,
    workflowId: delivery.workflowId,
    runId: delivery.runId,
    stepId: delivery.stepId,
    deliveryId: delivery.id,
    attempt,
    messageId: delivery.messageId,
  };
  const maxAttempts = delivery.scheduleStartAttempt + maxAttemptsFor(record.scheduleMs);
  const { exchangeId, outcome, disabledReason } =
    (verdict.type === "delivered" && status !== null && !isResentAttempt(delivery)
      ? await recordDelivered(options.db, {
          delivery,
          attempt,
          maxAttempts,
          status,
          links,
          exchange: result.exchange,
          now,
        })
      : null) ??
    // Two attempts failing against a new endpoint at once can both try to create its health
    // row on PostgreSQL; the loser runs again and finds the row.
    (await retryOnUniqueConflict(() =>
      options.db.$transaction(async (tx) => {
        const disabledReason = await recordEndpointOutcome(
          tx,
          endpoint,
          endpointOutcomeOf(verdict),
          {
            now,
            disableAfterMs,
          },
        );
        const outcome = deliveryOutcomeOf(verdict, disabledReason);
        // Compare-and-set on the attempt count: if a second claim of this delivery (after a lost
        // lease) already recorded this attempt, its state wins; this attempt is still logged below,
        // because it really was sent.
        const { count } = await tx.delivery.updateMany({
          where: { id: delivery.id, status: "pending", attempts: delivery.attempts },
          data: {
            attempts: attempt,
            maxAttempts,
            status: outcome.status,
            nextAttemptAt: outcome.retryAt,
            lastStatus: status,
            lastError: outcome.error,
          },
        });
        const exchange = await recordExchange(tx, "webhook_attempt", links, result.exchange);
        if (isResentAttempt(delivery)) await linkResentAttempt(tx, exchange.id, links);
        return {
          exchangeId: exchange.id,
          outcome: count === 1 ? outcome : staleOutcome,
          disabledReason,
        };
      }),
    ));

  publish({
    workspaceId: delivery.workspaceId,
    event: {
      type: "exchange.created",
      id: exchangeId,
      workflowId: delivery.workflowId,
      runId: delivery.runId,
    },
  });
  publishStatus(delivery, outcome.status);
  if (disabledReason !== null) {
    const { workspaceId, endpointUrl: url } = delivery;
    log.warn(
      { deliveryId: delivery.id, workspaceId, url, reason: disabledReason },
      "endpoint disabled",
    );
  }
  log.info(
    {
      deliveryId: delivery.id,
      attempt,
      status,
      outcome: outcome.status,
      nextAttemptAt: outcome.retryAt,
      error: outcome.error,
    },
    "delivery attempt finished",
  );

  return outcome.retryAt
    ? { type: "retry_at", runAt: outcome.retryAt, reason: outcome.error ?? "retry" }
    : { type: "done" };
}

/** The common case, a success that is not a resend, written as one atomic SQL batch. */
async function recordDelivered(
  db: Db,
  record: DeliveredAttempt,
): Promise<{ exchangeId: string; outcome: DeliveryOutcome; disabledReason: null }> {
  const recorded = await recordDeliveredRow(db, record);
  const delivered: DeliveryOutcome = { status: "delivered", retryAt: null, error: null };
  return {
    exchangeId: recorded.exchangeId,
    outcome: recorded.isCurrent ? delivered : staleOutcome,
    disabledReason: null,
  };
}

type DeliveryOutcome = {
  status: "pending" | "delivered" | "failed";
  retryAt: Date | null;
  error: string | null;
};

/** What a superseded attempt reports: nothing to schedule, the newer claim owns the delivery. */
const staleOutcome: DeliveryOutcome = { status: "pending", retryAt: null, error: null };

function deliveryOutcomeOf(
  verdict: AttemptVerdict,
  disabledReason: string | null,
): DeliveryOutcome {
  if (disabledReason !== null && verdict.type !== "delivered") {
    const error = `${verdict.reason}; the endpoint is now disabled: ${disabledReason}`;
    return { status: "failed", retryAt: null, error };
  }
  switch (verdict.type) {
    case "delivered":
      return { status: "delivered", retryAt: null, error: null };
    case "retry":
      return { status: "pending", retryAt: verdict.at, error: verdict.reason };
    case "failed":
    case "disable_endpoint":
      return { status: "failed", retryAt: null, error: verdict.reason };
  }
}

function endpointOutcomeOf(verdict: AttemptVerdict): EndpointOutcome {
  switch (verdict.type) {
    case "delivered":
      return { type: "succeeded" };
    case "disable_endpoint":
      return { type: "gone", reason: verdict.reason };
    case "retry":
    case "failed":
      return { type: "failed" };
  }
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

function publishStatus(
  delivery: { id: string; workspaceId: string; runId: string },
  status: DeliveryOutcome["status"],
): void {
  publish({
    workspaceId: delivery.workspaceId,
    event: { type: "delivery.updated", id: delivery.id, runId: delivery.runId, status },
  });
}

async function failWithoutAttempt(
  options: DeliveryOptions,
  delivery: { id: string; workspaceId: string; runId: string },
  error: string,
): Promise<JobOutcome> {
  await options.db.delivery.update({
    where: { id: delivery.id },
    data: { status: "failed", nextAttemptAt: null, lastError: error },
  });
  publishStatus(delivery, "failed");
  log.warn({ deliveryId: delivery.id, error }, "delivery failed without an attempt");
  return { type: "done" };
}
