import { triggerSettingsOf } from "../ingest/trigger-settings";
import { log } from "../log";
import { parseStoredTestEvent } from "../workflows/test-event";
import { startDraftRun, type DraftRunResult } from "./start-draft-run";

type Refusal = "no_webhook_trigger" | "no_test_event";

export type TestEventRunResult = DraftRunResult<Refusal>;

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
  const result = await startDraftRun<Refusal>(
    { workspaceId, userId, workflowId },
    (graph, workflow) => {
      const trigger = triggerSettingsOf(graph).trigger;
      if (!trigger) return { reason: "no_webhook_trigger" };
      const event = parseStoredTestEvent(workflow.id, workflow.testEvent);
      if (!event) return { reason: "no_test_event" };

      const { method, headers, query, body } = event;
      return {
        triggerKind: "webhook",
        triggerNodeId: trigger.nodeId,
        triggerData: { method, headers, query, body },
      };
    },
  );
  if (result.ok) log.info({ runId: result.runId, workflowId }, "test event run started");
  return result;
}
