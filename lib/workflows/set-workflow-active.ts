import type { WorkflowView } from "../api/views";
import { getDb, type Tx } from "../db/client";
import { findReplacedSecrets } from "../deliveries/signing-secrets";
import { getConfig } from "../env";
import { validateGraph, type GraphProblem } from "../workflow/validate-graph";
import { snapshotDraft } from "./snapshot-draft";
import { parseStoredGraph } from "./stored-graph";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";

export type ActivateResult =
  | { ok: true; workflow: WorkflowView }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "graph_invalid"; problems: GraphProblem[] };

/** When a rotation happens and how long replaced signing secrets keep signing. */
export type SecretRotationOptions = {
  now?: Date;
  /** Defaults to the installation's `SWITCHYARD_SECRET_GRACE_MS`. */
  graceMs?: number;
};

/**
 * Publishes the draft as a version and makes the inbound URL live. Refused while it has problems.
 * Signing secrets the new version replaces keep signing for the grace period.
 */
export async function activateWorkflow(
  workspaceId: string,
  userId: string,
  id: string,
  rotation: SecretRotationOptions = {},
): Promise<ActivateResult> {
  return afterWorkflowChange(
    getDb().$transaction(async (tx) => {
      const workflow = await tx.workflow.findFirst({ where: { id, workspaceId } });
      if (!workflow) return { ok: false, reason: "not_found" } as const;

      const problems = validateGraph(parseStoredGraph(workflow.draftGraph));
      if (problems.length > 0) return { ok: false, reason: "graph_invalid", problems } as const;

      const version = await snapshotDraft(tx, workflow, userId);
      await retireReplacedSecrets(tx, workflow, workflow.draftGraph, rotation);
      const updated = await tx.workflow.update({
        where: { id },
        data: { isActive: true, activeVersionId: version.id },
        include: workflowViewInclude,
      });
      return { ok: true, workflow: toWorkflowView(updated) } as const;
    }),
  );
}

/**
 * Retires, in the caller's transaction, the Send webhook secrets that making `nextGraph` the
 * active version replaces: each old secret is kept until now + grace, and attempts are signed
 * with it as well as with the new one until then, so receivers can switch over without
 * rejecting messages. Call it before `activeVersionId` moves to the new version.
 */
export async function retireReplacedSecrets(
  tx: Tx,
  workflow: { id: string; activeVersionId: string | null },
  nextGraph: string,
  rotation: SecretRotationOptions = {},
): Promise<void> {
  const graceMs = rotation.graceMs ?? getConfig().secretGraceMs;
  // Without a grace period an old secret would be stored already expired; nothing to keep.
  if (workflow.activeVersionId === null || graceMs === 0) return;
  const previous = await tx.workflowVersion.findUnique({
    where: { id: workflow.activeVersionId },
    select: { graph: true },
  });
  if (!previous || previous.graph === nextGraph) return;

  const replaced = findReplacedSecrets(
    parseStoredGraph(previous.graph),
    parseStoredGraph(nextGraph),
  );
  if (replaced.length === 0) return;
  const retiredAt = rotation.now ?? new Date();
  const expiresAt = new Date(retiredAt.getTime() + graceMs);
  await tx.retiredSigningSecret.createMany({
    data: replaced.map(({ nodeId, secret }) => ({
      workflowId: workflow.id,
      nodeId,
      secret,
      retiredAt,
      expiresAt,
    })),
  });
}

/** Takes the inbound URL offline. Runs already accepted still finish. */
export async function deactivateWorkflow(
  workspaceId: string,
  id: string,
): Promise<WorkflowView | null> {
  const { count } = await afterWorkflowChange(
    getDb().workflow.updateMany({
      where: { id, workspaceId },
      data: { isActive: false },
    }),
  );
  if (count === 0) return null;
  const workflow = await getDb().workflow.findUniqueOrThrow({
    where: { id },
    include: workflowViewInclude,
  });
  return toWorkflowView(workflow);
}
