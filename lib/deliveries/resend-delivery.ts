import { getDb, type Tx } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { log } from "../log";
import { enqueueJob } from "../queue/enqueue-job";
import { endpointConcurrencyKey } from "./endpoint-concurrency-key";
import { findDisabledEndpoint } from "./endpoint-health";

export type ResendResult =
  | { ok: true; delivery: { id: string; status: "pending" } }
  | { ok: false; reason: "not_found" | "still_pending" | "endpoint_disabled" };

/**
 * Sends a finished delivery (delivered or failed) again: the same message, under the same
 * message id, as a new attempt due now, with the retry schedule started afresh. Receivers that
 * deduplicate by message id see a repeat, not a new event.
 */
export async function resendDelivery(
  workspaceId: string,
  deliveryId: string,
  now = new Date(),
): Promise<ResendResult> {
  const db = getDb();
  const delivery = await db.delivery.findFirst({
    where: { id: deliveryId, workspaceId },
    select: { id: true, runId: true, status: true, endpointUrl: true },
  });
  if (!delivery) return { ok: false, reason: "not_found" };
  if (delivery.status === "pending") return { ok: false, reason: "still_pending" };
  if (await findDisabledEndpoint(db, workspaceId, delivery.endpointUrl)) {
    return { ok: false, reason: "endpoint_disabled" };
  }

  const isRequeued = await db.$transaction((tx) => requeueDelivery(tx, delivery, now));
  if (!isRequeued) return { ok: false, reason: "still_pending" };
  announceResent(workspaceId, [delivery]);
  return { ok: true, delivery: { id: delivery.id, status: "pending" } };
}

/**
 * Sets a finished delivery back to pending with a job due `now`, in the caller's transaction.
 * The update is conditional on the delivery still being finished, so two resends at once
 * create one job. Returns whether it did.
 */
export async function requeueDelivery(
  tx: Tx,
  delivery: { id: string; endpointUrl: string },
  now: Date,
): Promise<boolean> {
  const current = await tx.delivery.findUnique({
    where: { id: delivery.id },
    select: { attempts: true },
  });
  if (!current) return false;
  const { count } = await tx.delivery.updateMany({
    where: { id: delivery.id, status: { in: ["delivered", "failed"] } },
    data: {
      status: "pending",
      nextAttemptAt: now,
      lastError: null,
      scheduleStartAttempt: current.attempts,
    },
  });
  if (count !== 1) return false;
  await enqueueJob(tx, {
    kind: "attempt_delivery",
    subjectId: delivery.id,
    runAt: now,
    concurrencyKey: endpointConcurrencyKey(delivery.endpointUrl),
  });
  return true;
}

/**
 * Whether the attempt about to be made is the first one after a manual resend. No flag is
 * stored for it: `requeueDelivery` restarts the schedule at the attempts made so far, so the
 * schedule start equals the attempt count from a resend until its attempt is recorded, and at
 * no other time once any attempt has been made (retries always leave the count ahead of it).
 */
export function isResentAttempt(delivery: {
  attempts: number;
  scheduleStartAttempt: number;
}): boolean {
  return delivery.attempts > 0 && delivery.scheduleStartAttempt === delivery.attempts;
}

/**
 * Links the exchange of a resent delivery's attempt to the exchange it replays, the delivery's
 * latest earlier attempt, in the caller's transaction.
 */
export async function linkResentAttempt(
  tx: Tx,
  exchangeId: string,
  { deliveryId, attempt }: { deliveryId: string; attempt: number },
): Promise<void> {
  const previous = await tx.exchange.findFirst({
    where: { deliveryId, kind: "webhook_attempt", attempt: { lt: attempt } },
    orderBy: [{ attempt: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (!previous) return;
  await tx.exchange.update({
    where: { id: exchangeId },
    data: { replayOfId: previous.id, isReplay: true },
  });
}

/** Tells live views and workers about deliveries just set back to pending. */
export function announceResent(
  workspaceId: string,
  deliveries: readonly { id: string; runId: string }[],
): void {
  if (deliveries.length === 0) return;
  for (const delivery of deliveries) {
    publish({
      workspaceId,
      event: {
        type: "delivery.updated",
        id: delivery.id,
        runId: delivery.runId,
        status: "pending",
      },
    });
  }
  wakeWorkers();
  log.info({ workspaceId, count: deliveries.length }, "deliveries resent");
}
