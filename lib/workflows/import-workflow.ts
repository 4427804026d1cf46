import type { WorkflowView } from "../api/views";
import {
  parseWorkflowDocument,
  type ImportIssue,
  type ImportProblemReason,
} from "../workflow/workflow-document";
import { createWorkflow } from "./create-workflow";

export type ImportResult =
  | { ok: true; workflow: WorkflowView }
  | { ok: false; reason: ImportProblemReason; message: string; issues: ImportIssue[] };

/**
 * Creates a new, inactive workflow from an exported document, its draft the document's graph.
 * A document that does not pass `parseWorkflowDocument` creates nothing and says why.
 */
export async function importWorkflow(workspaceId: string, json: unknown): Promise<ImportResult> {
  const parsed = parseWorkflowDocument(json);
  if (!parsed.ok) return parsed;
  return { ok: true, workflow: await createWorkflow(workspaceId, parsed.name, parsed.graph) };
}
