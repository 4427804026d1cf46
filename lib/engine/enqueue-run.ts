import type { Tx } from "../db/client";
import { enqueueJob } from "../queue/enqueue-job";

/**
 * How a run started: an inbound request, the editor, or a Schedule trigger's tick. A `step` run
 * is a single step tried from the editor: its `triggerNodeId` names that step, and its
 * `triggerData` is the whole template context the step runs with (see `startStepRun`).
 */
export type TriggerKind = "webhook" | "manual" | "schedule" | "step";

export type NewRun = {
  workspaceId: string;
  workflowId: string;
  versionId: string;
  triggerKind: TriggerKind;
  triggerNodeId: string;
  /** What the trigger node outputs; templates read it as `trigger`. */
  triggerData: unknown;
};

/**
 * Creates a queued run and the job that executes it, in the caller's transaction: a run that
 * exists always has work scheduled for it. Call `wakeWorkers()` after commit.
 */
export async function enqueueRun(tx: Tx, run: NewRun): Promise<{ id: string }> {
  const created = await tx.run.create({
    data: {
      workspaceId: run.workspaceId,
      workflowId: run.workflowId,
      versionId: run.versionId,
      triggerKind: run.triggerKind,
      triggerNodeId: run.triggerNodeId,
      triggerData: JSON.stringify(run.triggerData ?? null),
      status: "queued",
    },
    select: { id: true },
  });
  await enqueueJob(tx, { kind: "execute_run", subjectId: created.id });
  return created;
}
