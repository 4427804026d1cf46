import { getDb } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { triggerSettingsOf } from "../ingest/trigger-settings";
import { log } from "../log";
import { validateGraph, type GraphProblem } from "../workflow/validate-graph";
import { snapshotDraft } from "../workflows/snapshot-draft";
import { parseStoredGraph } from "../workflows/stored-graph";
import { parseStoredTestEvent } from "../workflows/test-event";
import { enqueueRun } from "./enqueue-run";

export type TestEventRunResult =
  | { ok: true; runId: string }
  | { ok: false; reason: "not_found" | "no_webhook_trigger" | "no_test_event" }
  | { ok: false; reason: "graph_invalid"; problems: GraphProblem[] };

/**
 * Runs the current draft from its Webhook trigger with the request last captured on the test
 * URL as the trigger data, whether or not the workflow is active, so later steps see exactly
 * what a real request would give them. The draft is pinned as a version first, like a manual
 * run. The captured headers are the redacted ones: a step that reads a credential header gets
 * "[redacted]" here, unlike in production.
 */
export async function startTestEventRun(
  workspaceId: string,
  userId: string,
  workflowId: string,
): Promise<TestEventRunResult> {
  const result = await getDb().$transaction(async (tx): Promise<TestEventRunResult> => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, workspaceId } });
    if (!workflow) return { ok: false, reason: "not_found" };

    const graph = parseStoredGraph(workflow.draftGraph);
    const problems = validateGraph(graph);
    if (problems.length > 0) return { ok: false, reason: "graph_invalid", problems };
    const trigger = triggerSettingsOf(graph).trigger;
    if (!trigger) return { ok: false, reason: "no_webhook_trigger" };
    const event = parseStoredTestEvent(workflow.id, workflow.testEvent);
    if (!event) return { ok: false, reason: "no_test_event" };

    const version = await snapshotDraft(tx, workflow, userId);
    const run = await enqueueRun(tx, {
      workspaceId,
      workflowId,
      versionId: version.id,
      triggerKind: "webhook",
      triggerNodeId: trigger.nodeId,
      triggerData: {
        method: event.method,
        headers: event.headers,
        query: event.query,
        body: event.body,
      },
    });
    return { ok: true, runId: run.id };
  });

  if (result.ok) {
    publish({
      workspaceId,
      event: { type: "run.updated", id: result.runId, workflowId, status: "queued" },
    });
    wakeWorkers();
    log.info({ runId: result.runId, workflowId }, "test event run started");
  }
  return result;
}
