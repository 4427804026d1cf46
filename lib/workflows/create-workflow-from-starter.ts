import type { WorkflowView } from "../api/views";
import { generateSigningSecret } from "../webhooks/generate-signing-secret";
import { buildStarterGraph, getWorkflowStarter } from "../workflow/workflow-starters";
import { createWorkflow } from "./create-workflow";

/**
 * Creates an inactive workflow whose draft is a starter's graph, each Send webhook with a
 * signing secret of its own; null when no starter has that id.
 */
export async function createWorkflowFromStarter(
  workspaceId: string,
  name: string,
  starterId: string,
): Promise<WorkflowView | null> {
  const starter = getWorkflowStarter(starterId);
  if (starter === undefined) return null;
  return createWorkflow(workspaceId, name, buildStarterGraph(starter, generateSigningSecret));
}
