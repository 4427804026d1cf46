import { getDb } from "../db/client";
import { sealSecret, secretHint } from "../secrets/sealed-secret";
import { checkVerificationSecret } from "../webhooks/inbound-verification";
import {
  webhookTriggerConfigSchema,
  type VerificationKind,
} from "../workflow/webhook-trigger-node-type";
import { parseStoredGraph } from "./stored-graph";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";

export type SetInboundSecretResult =
  | { ok: true; hint: string }
  | { ok: false; reason: "not_found" | "no_webhook_trigger" | "no_verification" }
  | { ok: false; reason: "unsuitable"; message: string };

/**
 * Stores the secret that the inbound URL verifies senders with, sealed, and its hint, the only
 * part ever shown again. It must suit the scheme the draft's Webhook trigger asks for; the
 * draft, not the live version, because people set the secret while they configure the trigger.
 * Replaces any stored secret at once, also for the live version.
 */
export async function setInboundSecret(
  workspaceId: string,
  workflowId: string,
  secret: string,
): Promise<SetInboundSecretResult> {
  return afterWorkflowChange(
    getDb().$transaction(async (tx): Promise<SetInboundSecretResult> => {
      const workflow = await tx.workflow.findFirst({
        where: { id: workflowId, workspaceId },
        select: { draftGraph: true },
      });
      if (!workflow) return { ok: false, reason: "not_found" };

      const kind = draftVerificationKind(workflow.draftGraph);
      if (kind === null) return { ok: false, reason: "no_webhook_trigger" };
      if (kind === "none") return { ok: false, reason: "no_verification" };
      const problem = checkVerificationSecret(kind, secret);
      if (problem !== null) return { ok: false, reason: "unsuitable", message: problem };

      const hint = secretHint(secret);
      await tx.workflow.update({
        where: { id: workflowId },
        data: { inboundSecret: sealSecret(secret, workflowId), inboundSecretHint: hint },
      });
      return { ok: true, hint };
    }),
  );
}

/**
 * Forgets the stored secret. A live version that verifies senders stops accepting events until
 * a new one is set. False when the workflow is not in the workspace.
 */
export async function clearInboundSecret(
  workspaceId: string,
  workflowId: string,
): Promise<boolean> {
  const { count } = await afterWorkflowChange(
    getDb().workflow.updateMany({
      where: { id: workflowId, workspaceId },
      data: { inboundSecret: null, inboundSecretHint: null },
    }),
  );
  return count > 0;
}

/**
 * The scheme the draft's Webhook trigger asks for, read on its own so that a mistake in another
 * setting does not hide it; null when the draft has no Webhook trigger.
 */
function draftVerificationKind(draftGraph: string): VerificationKind | null {
  const trigger = parseStoredGraph(draftGraph).nodes.find(
    (node) => node.type === "webhook-trigger",
  );
  if (!trigger) return null;
  const kind = webhookTriggerConfigSchema.shape.verification.safeParse(
    trigger.config["verification"],
  );
  return kind.success ? kind.data : "none";
}
