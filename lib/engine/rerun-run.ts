import { getDb } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { log } from "../log";
import { parseStoredGraph } from "../workflows/stored-graph";
import { enqueueRun } from "./enqueue-run";

/** Which version a re-run executes: the one the original run pinned, or the active one now. */
export type RerunVersion = "pinned" | "current";

export type RerunResult =
  | { ok: true; runId: string }
  | { ok: false; reason: "not_found" | "no_active_version" | "trigger_missing" };

/**
 * Starts a new run with the trigger data of an earlier one, on its pinned version or on the
 * workflow's active version, and links it to the original through `rerunOfId`. Nothing of the
 * original run is changed. Send webhook steps of the new run create new deliveries with new
 * message ids: a re-run is a new event, unlike a resend.
 */
export async function rerunRun(
  workspaceId: string,
  runId: string,
  version: RerunVersion,
): Promise<RerunResult> {
  const db = getDb();
  const result = await db.$transaction(async (tx): Promise<RerunResult> => {
    const original = await tx.run.findFirst({
      where: { id: runId, workspaceId },
      include: { workflow: { select: { activeVersionId: true } } },
    });
    if (!original) return { ok: false, reason: "not_found" };

    const versionId = version === "pinned" ? original.versionId : original.workflow.activeVersionId;
    if (!versionId) return { ok: false, reason: "no_active_version" };
    const target = await tx.workflowVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { graph: true },
    });
    const graph = parseStoredGraph(target.graph);
    if (!graph.nodes.some((node) => node.id === original.triggerNodeId)) {
      return { ok: false, reason: "trigger_missing" };
    }

    const run = await enqueueRun(tx, {
      workspaceId,
      workflowId: original.workflowId,
      versionId,
      triggerKind: original.triggerKind === "webhook" ? "webhook" : "manual",
      triggerNodeId: original.triggerNodeId,
      triggerData: JSON.parse(original.triggerData),
    });
    await tx.run.update({ where: { id: run.id }, data: { rerunOfId: original.id } });
    return { ok: true, runId: run.id };
  });

  if (result.ok) {
    const run = await db.run.findUniqueOrThrow({ where: { id: result.runId } });
    publish({
      workspaceId,
      event: { type: "run.updated", id: run.id, workflowId: run.workflowId, status: "queued" },
    });
    wakeWorkers();
    log.info({ runId: run.id, rerunOfId: runId, workflowId: run.workflowId, version }, "re-run");
  }
  return result;
}
