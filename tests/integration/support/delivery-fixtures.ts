import * as hooks from "@/app/hooks/[token]/route";
import { getDb } from "@/lib/db/client";
import { executeRun } from "@/lib/engine/execute-run";
import type { ExecutionEnv } from "@/lib/engine/executors/node-executor";
import type { Graph, GraphNode } from "@/lib/workflow/graph";
import { TEST_SECRET } from "./graphs";
import { routeParams, type TestUser } from "./session";
import { createActiveWorkflow } from "./workflow-fixture";
import { builtInRedactionRules } from "@/lib/redaction/redaction-rules";

/** The outbound settings of the test installation: loopback allowed, small caps. */
export const testEnv: ExecutionEnv = {
  policy: { allowPrivateNetworks: true },
  maxResponseBytes: 1024 * 1024,
  redaction: () => builtInRedactionRules(64 * 1024),
};

export type SendSettings = { url: string; timeoutMs?: number; retrySchedule?: string };

/** Webhook trigger → one Send webhook node per entry of `sends`, all fed by the trigger. */
export function sendGraph(sends: readonly SendSettings[]): Graph {
  const trigger: GraphNode = {
    id: "webhook1",
    type: "webhook-trigger",
    position: { x: 0, y: 0 },
    config: {},
  };
  const nodes = sends.map((send, index): GraphNode => ({
    id: `send${index + 1}`,
    type: "send-webhook",
    position: { x: index * 50, y: 150 },
    config: {
      url: send.url,
      eventType: "order.created",
      payload: '{"order": "{{trigger.body.order}}"}',
      headers: {},
      secret: TEST_SECRET,
      timeoutMs: send.timeoutMs ?? 5000,
      retrySchedule: send.retrySchedule ?? "",
    },
  }));
  const edges = nodes.map((node) => ({ id: `e-${node.id}`, source: "webhook1", target: node.id }));
  return { nodes: [trigger, ...nodes], edges };
}

/** POSTs an event to a workflow's inbound URL and returns the queued run's id. */
export async function triggerRun(token: string, body: unknown): Promise<string> {
  const request = new Request(`http://localhost/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await hooks.POST(request, routeParams({ token }));
  if (response.status !== 202) throw new Error(`inbound answered ${response.status}`);
  return ((await response.json()) as { runId: string }).runId;
}

/**
 * Creates an active workflow with `sends`, triggers it and executes the run in place (no
 * worker), so its deliveries exist, pending, with their jobs queued. Returns their ids in node
 * order.
 */
export async function createPendingDeliveries(
  user: TestUser,
  sends: readonly SendSettings[],
): Promise<{ workflowId: string; runId: string; deliveryIds: string[] }> {
  const { id: workflowId, token } = await createActiveWorkflow(user, sendGraph(sends));
  const runId = await triggerRun(token, { order: "A-1" });
  await executeRun(runId, {
    db: getDb(),
    env: testEnv,
    firstAttemptDelayMs: 0,
    maxDeliveryAttempts: 8,
  });
  const deliveries = await getDb().delivery.findMany({
    where: { runId },
    include: { step: { select: { position: true } } },
  });
  deliveries.sort((a, b) => a.step.position - b.step.position);
  return { workflowId, runId, deliveryIds: deliveries.map((delivery) => delivery.id) };
}

/** A clock that stands still until a test moves it. */
export function manualClock(start = new Date("2026-12-01T00:00:00.000Z")) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}
