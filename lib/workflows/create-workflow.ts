import { randomBytes } from "node:crypto";
import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { emptyGraph, type Graph } from "../workflow/graph";
import { serializeGraph } from "./stored-graph";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

/** 24 random bytes: the inbound URL is a capability, so it must not be guessable. */
export function generateInboundToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Creates an inactive workflow with its own inbound URL, empty or with `draft` as its graph (a
 * starter or an import), in one write so that nothing half-made is left behind.
 */
export async function createWorkflow(
  workspaceId: string,
  name: string,
  draft: Graph = emptyGraph,
): Promise<WorkflowView> {
  const draftGraph = serializeGraph(draft);
  const workflow = await getDb().workflow.create({
    data: { workspaceId, name, token: generateInboundToken(), draftGraph },
    include: workflowViewInclude,
  });
  return toWorkflowView(workflow);
}
