import { getDb } from "@/lib/db/client";
import { sealSecret, secretHint } from "@/lib/secrets/sealed-secret";
import type { Graph } from "@/lib/workflow/graph";
import type { TestUser } from "./session";
import { createActiveWorkflow } from "./workflow-fixture";

/** Webhook trigger (with `trigger` settings) → Respond, answering 201 with the order id. */
export function respondGraph(trigger: Record<string, unknown> = {}): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: trigger },
      {
        id: "respond1",
        type: "respond",
        position: { x: 0, y: 150 },
        config: {
          status: 201,
          headers: { "x-order": "{{trigger.body.order.id}}" },
          body: '{"order": "{{trigger.body.order.id}}", "accepted": true}',
        },
      },
    ],
    edges: [{ id: "e1", source: "webhook1", target: "respond1" }],
  };
}

/**
 * An active workflow whose Webhook trigger has `trigger` settings, with `secret` stored sealed
 * the way the app stores it. Returns its id and token.
 */
export async function createInboundWorkflow(
  user: TestUser,
  trigger: Record<string, unknown> = {},
  secret: string | null = null,
): Promise<{ id: string; token: string }> {
  const workflow = await createActiveWorkflow(user, respondGraph(trigger));
  if (secret !== null) {
    await getDb().workflow.update({
      where: { id: workflow.id },
      data: {
        inboundSecret: sealSecret(secret, workflow.id),
        inboundSecretHint: secretHint(secret),
      },
    });
  }
  return workflow;
}

/** The inbound exchanges recorded for a workflow, newest first. */
export function inboundExchanges(workflowId: string) {
  return getDb().exchange.findMany({
    where: { workflowId, kind: "inbound" },
    orderBy: { createdAt: "desc" },
  });
}

/** How many runs a workflow has. */
export function runCount(workflowId: string): Promise<number> {
  return getDb().run.count({ where: { workflowId } });
}
