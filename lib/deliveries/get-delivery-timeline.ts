import "server-only";
import type { DeliveryEnding, DeliveryStatus, DeliveryTimelineView } from "../api/views";
import { getDb } from "../db/client";
import { exchangeSummarySelect, toExchangeSummaryView } from "../exchanges/exchange-views";
import { workflowNames } from "../exchanges/list-exchanges";
import { findDisabledEndpoint } from "./endpoint-health";
import { readStoredSchedule } from "./parse-retry-schedule";

// An endpoint disabled by the attempt that ended a delivery is written in the same transaction,
// a moment before the delivery's own update; this much slack still counts it as that ending.
const DISABLED_WITH_ENDING_SLACK_MS = 1_000;

/**
 * One delivery of the workspace with every attempt made of it, in attempt order, and what comes
 * next: the next attempt's time and the delays planned after it while it is pending, or how it
 * ended. `installationScheduleMs` is the schedule deliveries without one of their own follow.
 */
export async function getDeliveryTimeline(
  workspaceId: string,
  deliveryId: string,
  installationScheduleMs: readonly number[],
): Promise<DeliveryTimelineView | null> {
  const db = getDb();
  const delivery = await db.delivery.findFirst({ where: { id: deliveryId, workspaceId } });
  if (!delivery) return null;

  const rows = await db.exchange.findMany({
    where: { workspaceId, deliveryId, kind: "webhook_attempt" },
    orderBy: [{ attempt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: exchangeSummarySelect,
  });
  const names = await workflowNames(workspaceId, [delivery.workflowId]);
  const workflowName = names.get(delivery.workflowId) ?? null;

  const ownSchedule = readStoredSchedule(delivery.retryScheduleMs);
  const scheduleMs = ownSchedule ?? [...installationScheduleMs];
  const status = delivery.status as DeliveryStatus;
  const attemptsInSchedule = delivery.attempts - delivery.scheduleStartAttempt;
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    status,
    eventType: delivery.eventType,
    endpointUrl: delivery.endpointUrl,
    runId: delivery.runId,
    attemptsMade: delivery.attempts,
    maxAttempts: delivery.maxAttempts,
    scheduleMs,
    isOwnSchedule: ownSchedule !== null,
    nextAttemptAt: status === "pending" ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
    // After the next attempt, number attemptsInSchedule + 1, the delays from that index remain.
    remainingDelaysMs: status === "pending" ? scheduleMs.slice(attemptsInSchedule) : [],
    ending: await endingOf(workspaceId, delivery),
    lastStatus: delivery.lastStatus,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    attempts: rows.map((row) => toExchangeSummaryView(row, workflowName)),
  };
}

/** A failed delivery counts as ended by its endpoint when the endpoint went off as it failed. */
async function endingOf(
  workspaceId: string,
  delivery: { status: string; endpointUrl: string; updatedAt: Date },
): Promise<DeliveryEnding | null> {
  if (delivery.status === "delivered") return "delivered";
  if (delivery.status !== "failed") return null;

  const disabled = await findDisabledEndpoint(getDb(), workspaceId, delivery.endpointUrl);
  const disabledAtMs = disabled?.disabledAt?.getTime();
  if (disabledAtMs === undefined) return "failed";
  const isSameEnding = disabledAtMs <= delivery.updatedAt.getTime() + DISABLED_WITH_ENDING_SLACK_MS;
  return isSameEnding ? "endpoint_disabled" : "failed";
}
