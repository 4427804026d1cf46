import { randomUUID } from "node:crypto";

import type { Db } from "../lib/db/client";
import type { NewDelivery } from "../lib/engine/executors/node-executor";
import { defaultRetryDelaysMs, maxAttemptsFor } from "../lib/queue/backoff";
import { enqueueJob } from "../lib/queue/enqueue-job";
import { generateSigningSecret } from "../lib/webhooks/generate-signing-secret";
import type { Graph } from "../lib/workflow/graph";

/** The rows every delivery of a scenario hangs from: one workflow, version, run and step. */
export type DeliveryFixture = {
  workspaceId: string;
  workflowId: string;
  runId: string;
  stepId: string;
  /** The send-webhook node's signing secret, which the worker reads from the version graph. */
  secret: string;
  endpointUrl: string;
};

const SEND_NODE_ID = "send1";
const TRIGGER_NODE_ID = "webhook1";
const EVENT_TYPE = "order.fulfilled";
const DELIVERY_TIMEOUT_MS = 5000;
/** Rows per `createMany`: well under SQLite's bound-variable limit, large enough to be fast. */
const BATCH_SIZE = 500;

/** Stores a workflow whose published version sends signed webhooks, and one run of it. */
export async function seedWorkflowRun(db: Db, endpointUrl: string): Promise<DeliveryFixture> {
  const secret = generateSigningSecret();
  const graphText = JSON.stringify(sendWebhookGraph(endpointUrl, secret));

  const workspace = await db.workspace.create({ data: { name: "Benchmark" } });
  const workflow = await db.workflow.create({
    data: {
      workspaceId: workspace.id,
      name: "Benchmark deliveries",
      token: randomUUID(),
      isActive: true,
      draftGraph: graphText,
    },
  });
  const version = await db.workflowVersion.create({
    data: { workflowId: workflow.id, number: 1, graph: graphText },
  });
  await db.workflow.update({
    where: { id: workflow.id },
    data: { activeVersionId: version.id },
  });

  const run = await db.run.create({
    data: {
      workspaceId: workspace.id,
      workflowId: workflow.id,
      versionId: version.id,
      triggerKind: "webhook",
      triggerNodeId: TRIGGER_NODE_ID,
      triggerData: "{}",
      status: "succeeded",
    },
  });
  const step = await db.step.create({
    data: {
      runId: run.id,
      nodeId: SEND_NODE_ID,
      nodeType: "send-webhook",
      position: 1,
      status: "succeeded",
    },
  });

  return {
    workspaceId: workspace.id,
    workflowId: workflow.id,
    runId: run.id,
    stepId: step.id,
    secret,
    endpointUrl,
  };
}

/** Messages shaped as the send-webhook executor builds them, about 400 bytes of payload each. */
export function createMessages(fixture: DeliveryFixture, count: number): NewDelivery[] {
  return Array.from({ length: count }, () => {
    const orderId = `ord_${randomUUID().slice(0, 12)}`;
    const data = {
      order: orderId,
      shipment: { carrier: "DHL", tracking: randomUUID(), service: "express" },
      items: [
        { sku: "SKU-1001", quantity: 2, unitPriceCents: 1999 },
        { sku: "SKU-2002", quantity: 1, unitPriceCents: 4999 },
      ],
      customer: { id: `cus_${randomUUID().slice(0, 12)}`, country: "DE" },
    };
    return {
      id: randomUUID(),
      messageId: `msg_${randomUUID().replaceAll("-", "")}`,
      eventType: EVENT_TYPE,
      endpointUrl: fixture.endpointUrl,
      headers: {},
      payload: JSON.stringify({ type: EVENT_TYPE, timestamp: new Date().toISOString(), data }),
      timeoutMs: DELIVERY_TIMEOUT_MS,
    };
  });
}

/** Stores deliveries and their due jobs, `BATCH_SIZE` rows per statement. */
export async function insertDeliveries(
  db: Db,
  fixture: DeliveryFixture,
  messages: readonly NewDelivery[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += BATCH_SIZE) {
    const batch = messages.slice(start, start + BATCH_SIZE);
    const dueAt = new Date();
    await db.$transaction([
      db.delivery.createMany({
        data: batch.map((message) => deliveryRow(fixture, message, dueAt)),
      }),
      db.job.createMany({
        data: batch.map((message) => ({
          kind: "attempt_delivery",
          subjectId: message.id,
          runAt: dueAt,
        })),
      }),
    ]);
  }
}

/** Creates and stores `count` deliveries a batch at a time, never holding them all at once. */
export async function seedDeliveries(
  db: Db,
  fixture: DeliveryFixture,
  count: number,
): Promise<void> {
  for (let stored = 0; stored < count; stored += BATCH_SIZE) {
    await insertDeliveries(
      db,
      fixture,
      createMessages(fixture, Math.min(BATCH_SIZE, count - stored)),
    );
  }
}

/**
 * Stores one delivery and its job in one transaction, as the run executor does for a
 * send-webhook step; the caller wakes the workers after the commit.
 */
export async function enqueueDelivery(
  db: Db,
  fixture: DeliveryFixture,
  message: NewDelivery,
): Promise<void> {
  const dueAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.delivery.create({ data: deliveryRow(fixture, message, dueAt) });
    await enqueueJob(tx, { kind: "attempt_delivery", subjectId: message.id, runAt: dueAt });
  });
}

function deliveryRow(fixture: DeliveryFixture, message: NewDelivery, dueAt: Date) {
  return {
    ...message,
    headers: JSON.stringify(message.headers),
    workspaceId: fixture.workspaceId,
    workflowId: fixture.workflowId,
    runId: fixture.runId,
    stepId: fixture.stepId,
    status: "pending",
    maxAttempts: maxAttemptsFor(defaultRetryDelaysMs),
    nextAttemptAt: dueAt,
  };
}

function sendWebhookGraph(endpointUrl: string, secret: string): Graph {
  return {
    nodes: [
      { id: TRIGGER_NODE_ID, type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: SEND_NODE_ID,
        type: "send-webhook",
        position: { x: 0, y: 150 },
        config: {
          url: endpointUrl,
          eventType: EVENT_TYPE,
          payload: '{"order": "{{trigger.body.order.id}}"}',
          headers: {},
          secret,
          timeoutMs: DELIVERY_TIMEOUT_MS,
        },
      },
    ],
    edges: [{ id: "e1", source: TRIGGER_NODE_ID, target: SEND_NODE_ID }],
  };
}
