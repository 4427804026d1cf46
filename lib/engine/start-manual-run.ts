import { getDb } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { validateGraph, type GraphProblem } from "../workflow/validate-graph";
import { snapshotDraft } from "../workflows/snapshot-draft";
import { parseStoredGraph } from "../workflows/stored-graph";
import { enqueueRun } from "./enqueue-run";

export type ManualRunResult =
  | { ok: true; runId: string }
  | { ok: false; reason: "not_found" | "no_manual_trigger" | "invalid_test_payload" }
  | { ok: false; reason: "graph_invalid"; problems: GraphProblem[] };

/**
 * Runs the current draft from its Manual trigger, whether or not the workflow is active: this is
 * how people test while building. The draft is pinned as a version first, so the run is
 * reproducible. Without an explicit payload the trigger's saved test payload is used.
 */
export async function startManualRun(
  workspaceId: string,
  userId: string,
  workflowId: string,
  payload: unknown,
): Promise<ManualRunResult> {
  const db = getDb();
  const result = await db.$transaction(async (tx): Promise<ManualRunResult> => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, workspaceId } });
    if (!workflow) return { ok: false, reason: "not_found" };

    const graph = parseStoredGraph(workflow.draftGraph);
    const problems = validateGraph(graph);
    if (problems.length > 0) return { ok: false, reason: "graph_invalid", problems };
    const trigger = graph.nodes.find((node) => node.type === "manual-trigger");
    if (!trigger) return { ok: false, reason: "no_manual_trigger" };

    const body =
      payload === undefined
        ? parseTestPayload(trigger.config["testPayload"])
        : { ok: true, value: payload };
    if (!body.ok) return { ok: false, reason: "invalid_test_payload" };

    const version = await snapshotDraft(tx, workflow, userId);
    const run = await enqueueRun(tx, {
      workspaceId,
      workflowId,
      versionId: version.id,
      triggerKind: "manual",
      triggerNodeId: trigger.id,
      triggerData: { body: body.value },
    });
    return { ok: true, runId: run.id };
  });

  if (result.ok) {
    publish({
      workspaceId,
      event: { type: "run.updated", id: result.runId, workflowId, status: "queued" },
    });
    wakeWorkers();
  }
  return result;
}

function parseTestPayload(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string" || value.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}
