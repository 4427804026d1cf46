import { getDb } from "../db/client";
import { getConfig } from "../env";
import { readRedactionSettings } from "../redaction/redaction-store";
import { clearGraphSecrets } from "../workflow/clear-graph-secrets";
import { createWorkflowDocument, type WorkflowDocument } from "../workflow/workflow-document";
import { parseStoredGraph } from "./stored-graph";

/**
 * A workflow of the workspace as a document to download: its name and draft graph, with signing
 * secrets and credential headers emptied (the built-in rules and the admin's extra header names)
 * and listed. The inbound verification secret is sealed on the workflow, not in the graph, so it
 * never reaches the document. Null when the workflow does not exist there.
 */
export async function exportWorkflow(
  workspaceId: string,
  id: string,
  now: Date = new Date(),
): Promise<WorkflowDocument | null> {
  const db = getDb();
  const workflow = await db.workflow.findFirst({
    where: { id, workspaceId },
    select: { name: true, draftGraph: true },
  });
  if (!workflow) return null;

  const settings = await readRedactionSettings(db, getConfig().maxStoredBodyBytes);
  const extraHeaderNames = new Set(settings.headerNames.map((name) => name.toLowerCase()));
  const { graph, clearedSecrets } = clearGraphSecrets(
    parseStoredGraph(workflow.draftGraph),
    extraHeaderNames,
  );
  return createWorkflowDocument(workflow.name, graph, clearedSecrets, now);
}
