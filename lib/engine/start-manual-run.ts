import { startDraftRun, type DraftRunResult } from "./start-draft-run";

type Refusal = "no_manual_trigger" | "invalid_test_payload";

export type ManualRunResult = DraftRunResult<Refusal>;

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
  return startDraftRun<Refusal>({ workspaceId, userId, workflowId }, (graph) => {
    const trigger = graph.nodes.find((node) => node.type === "manual-trigger");
    if (!trigger) return { reason: "no_manual_trigger" };

    const body =
      payload === undefined
        ? parseTestPayload(trigger.config["testPayload"])
        : { ok: true, value: payload };
    if (!body.ok) return { reason: "invalid_test_payload" };
    return { triggerKind: "manual", triggerNodeId: trigger.id, triggerData: { body: body.value } };
  });
}

function parseTestPayload(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string" || value.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}
