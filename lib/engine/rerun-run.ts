import { getDb } from "../db/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { recordInboundReplay } from "../exchanges/record-inbound-replay";
import { log } from "../log";
import { redactionCacheFor } from "../redaction/redaction-cache";
import { parseStoredGraph } from "../workflows/stored-graph";
import { enqueueRun, type TriggerKind } from "./enqueue-run";

/** Which version a re-run executes: the one the original run pinned, or the active one now. */
export type RerunVersion = "pinned" | "current";

export type RerunResult =
  | { ok: true; runId: string; workflowId: string; exchangeId: string | null }
  | { ok: false; reason: "not_found" | "no_active_version" | "trigger_missing" };

/**
 * Starts a new run with the trigger data of an earlier one, on its pinned version or on the
 * workflow's active version, and links it to the original through `rerunOfId`. A run that an
 * inbound request started gets, in the same transaction, an inbound exchange that replays that
 * request (`replayOfId`), so the delivery log shows where the new run came from. Nothing of the
 * original run is changed. Send webhook steps of the new run create new deliveries with new
 * message ids: a re-run is a new event, unlike a resend.
 */
export async function rerunRun(
  workspaceId: string,
  runId: string,
  version: RerunVersion,
): Promise<RerunResult> {
  const startedAt = new Date();
  const db = getDb();
  const rules = await redactionCacheFor(db).ready();
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
      triggerKind: rerunTriggerKind(original.triggerKind),
      triggerNodeId: original.triggerNodeId,
      triggerData: JSON.parse(original.triggerData),
    });
    await tx.run.update({ where: { id: run.id }, data: { rerunOfId: original.id } });
    const exchange = await recordInboundReplay(
      tx,
      { workspaceId, originalRunId: original.id, runId: run.id, startedAt },
      rules,
    );
    return {
      ok: true,
      runId: run.id,
      workflowId: original.workflowId,
      exchangeId: exchange?.id ?? null,
    };
  });

  if (!result.ok) return result;

  announceRerun(workspaceId, result);
  log.info(
    { runId: result.runId, rerunOfId: runId, workflowId: result.workflowId, version },
    "re-run",
  );
  return result;
}

function announceRerun(
  workspaceId: string,
  rerun: { runId: string; workflowId: string; exchangeId: string | null },
): void {
  const { runId, workflowId, exchangeId } = rerun;
  publish({ workspaceId, event: { type: "run.updated", id: runId, workflowId, status: "queued" } });
  if (exchangeId) {
    publish({
      workspaceId,
      event: { type: "exchange.created", id: exchangeId, workflowId, runId },
    });
  }
  wakeWorkers();
}

/** A re-run keeps how the original started; kinds this code does not know read as manual. */
function rerunTriggerKind(kind: string): TriggerKind {
  return kind === "webhook" || kind === "schedule" || kind === "step" ? kind : "manual";
}
