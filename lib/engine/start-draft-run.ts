import { getDb } from "../db/client";
import type { Workflow } from "../db/generated/client";
import { publish, wakeWorkers } from "../events/event-bus";
import type { Graph } from "../workflow/graph";
import { validateGraph, type GraphProblem } from "../workflow/validate-graph";
import { snapshotDraft } from "../workflows/snapshot-draft";
import { parseStoredGraph } from "../workflows/stored-graph";
import { enqueueRun, type NewRun } from "./enqueue-run";

/** Where a draft run starts: its trigger and the data the trigger hands to later steps. */
export type DraftRunStart = Pick<NewRun, "triggerKind" | "triggerNodeId" | "triggerData">;

export type DraftRunResult<Reason extends string> =
  | { ok: true; runId: string }
  | { ok: false; reason: "not_found" | Reason }
  | { ok: false; reason: "graph_invalid"; problems: GraphProblem[] };

/**
 * Runs a workflow's current draft, whether or not the workflow is active: how people test while
 * building. The draft must be valid, as far as `blocks` says a problem matters to this run (all
 * do by default); `chooseStart` then picks the trigger and its data, or refuses with a reason.
 * The draft is pinned as a version in the same transaction as the run, so the run is
 * reproducible.
 */
export async function startDraftRun<Reason extends string>(
  scope: { workspaceId: string; userId: string; workflowId: string },
  chooseStart: (graph: Graph, workflow: Workflow) => DraftRunStart | { reason: Reason },
  blocks: (problem: GraphProblem) => boolean = () => true,
): Promise<DraftRunResult<Reason>> {
  const { workspaceId, userId, workflowId } = scope;
  const result = await getDb().$transaction(async (tx): Promise<DraftRunResult<Reason>> => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, workspaceId } });
    if (!workflow) return { ok: false, reason: "not_found" };

    const graph = parseStoredGraph(workflow.draftGraph);
    const problems = validateGraph(graph).filter(blocks);
    if (problems.length > 0) return { ok: false, reason: "graph_invalid", problems };
    const start = chooseStart(graph, workflow);
    if ("reason" in start) return { ok: false, reason: start.reason };

    const version = await snapshotDraft(tx, workflow, userId);
    const run = await enqueueRun(tx, { workspaceId, workflowId, versionId: version.id, ...start });
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
