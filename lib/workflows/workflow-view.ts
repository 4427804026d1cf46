import type { WorkflowView } from "../api/views";
import { validateGraph } from "../workflow/validate-graph";
import { parseStoredGraph } from "./stored-graph";

export type WorkflowRecord = {
  id: string;
  name: string;
  token: string;
  isActive: boolean;
  draftGraph: string;
  createdAt: Date;
  updatedAt: Date;
  activeVersion: { id: string; number: number; graph: string; createdAt: Date } | null;
};

/** Include clause that loads what `toWorkflowView` needs. */
export const workflowViewInclude = {
  activeVersion: { select: { id: true, number: true, graph: true, createdAt: true } },
} as const;

/** The API's view of a workflow: parsed draft, its problems and its publication state. */
export function toWorkflowView(workflow: WorkflowRecord): WorkflowView {
  const draft = parseStoredGraph(workflow.draftGraph);
  const active = workflow.activeVersion;
  return {
    id: workflow.id,
    name: workflow.name,
    inboundPath: `/hooks/${workflow.token}`,
    isActive: workflow.isActive,
    draft,
    problems: validateGraph(draft),
    activeVersion: active
      ? { id: active.id, number: active.number, createdAt: active.createdAt.toISOString() }
      : null,
    hasUnpublishedChanges: active !== null && active.graph !== workflow.draftGraph,
    createdAt: workflow.createdAt.toISOString(),
    updatedAt: workflow.updatedAt.toISOString(),
  };
}
