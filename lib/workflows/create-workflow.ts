import { randomBytes } from "node:crypto";
import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { emptyGraphText } from "./stored-graph";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

/** 24 random bytes: the inbound URL is a capability, so it must not be guessable. */
export function generateInboundToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Creates an empty, inactive workflow with its own inbound URL. */
export async function createWorkflow(workspaceId: string, name: string): Promise<WorkflowView> {
  const workflow = await getDb().workflow.create({
    data: { workspaceId, name, token: generateInboundToken(), draftGraph: emptyGraphText },
    include: workflowViewInclude,
  });
  return toWorkflowView(workflow);
}
