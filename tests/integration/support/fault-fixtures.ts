import * as hooks from "@/app/hooks/[token]/route";
import type { Graph } from "@/lib/workflow/graph";
import { TEST_SECRET } from "./graphs";
import { routeParams } from "./session";

/** Webhook trigger → Send webhook: every inbound event becomes exactly one delivery. */
export function relayGraph(hookUrl: string, timeoutMs = 5000): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "send1",
        type: "send-webhook",
        position: { x: 0, y: 150 },
        config: {
          url: `${hookUrl}/hook`,
          eventType: "order.relayed",
          payload: '{"order": "{{trigger.body.order.id}}"}',
          headers: {},
          secret: TEST_SECRET,
          timeoutMs,
        },
      },
    ],
    edges: [{ id: "e1", source: "webhook1", target: "send1" }],
  };
}

/**
 * Webhook trigger → `sendsPerEvent` Send webhook nodes side by side, spread over the receivers
 * in turn: one inbound event fans out to that many deliveries, each with its own message id.
 */
export function fanOutGraph(hookUrls: string[], sendsPerEvent: number): Graph {
  const sends = Array.from({ length: sendsPerEvent }, (_, i) => {
    const [, send] = relayGraph(hookUrls[i % hookUrls.length] ?? "", 5000).nodes;
    if (!send) throw new Error("fixture changed");
    return { ...send, id: `send${i + 1}`, position: { x: 200 * i, y: 150 } };
  });
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      ...sends,
    ],
    edges: sends.map((send) => ({ id: `e-${send.id}`, source: "webhook1", target: send.id })),
  };
}

/**
 * Sends `count` events through the real inbound route handler, `parallel` at a time, and
 * returns the run ids it acknowledged; throws on any answer other than 202.
 */
export async function ingestEvents(token: string, count: number, parallel = 8): Promise<string[]> {
  const runIds: string[] = [];
  for (let first = 0; first < count; first += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - first) }, (_, i) =>
      ingestEvent(token, `R-${first + i}`),
    );
    runIds.push(...(await Promise.all(batch)));
  }
  return runIds;
}

async function ingestEvent(token: string, orderId: string): Promise<string> {
  const request = new Request(`http://localhost/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ order: { id: orderId } }),
  });
  const response = await hooks.POST(request, routeParams({ token }));
  if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("runId" in body))
    throw new Error("ingest answered without a run id");
  return String(body.runId);
}

/** The `webhook-id` header of a received request: the delivery's message id. */
export function messageIdOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers["webhook-id"];
  if (typeof value !== "string") throw new Error("a delivery arrived without webhook-id");
  return value;
}
