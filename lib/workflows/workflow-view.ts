import type { InboundView, WorkflowView } from "../api/views";
import { inboundReadiness } from "../ingest/inbound-readiness";
import { triggerSettingsOf } from "../ingest/trigger-settings";
import { validateGraph } from "../workflow/validate-graph";
import { parseStoredGraph } from "./stored-graph";

export type WorkflowRecord = {
  id: string;
  name: string;
  token: string;
  isActive: boolean;
  draftGraph: string;
  /** Only whether it is set is read here; the sealed text never leaves the server. */
  inboundSecret: string | null;
  inboundSecretHint: string | null;
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
    inbound: toInboundView(workflow),
    createdAt: workflow.createdAt.toISOString(),
    updatedAt: workflow.updatedAt.toISOString(),
  };
}

/**
 * The inbound URLs' state. Readiness is judged on the active version, as the production URL
 * judges it, so a draft change shows here only once it is activated.
 */
function toInboundView(workflow: WorkflowRecord): InboundView {
  const active = workflow.activeVersion;
  const settings = active
    ? triggerSettingsOf(parseStoredGraph(active.graph))
    : { trigger: null, isGraphValid: false };
  const trigger = settings.trigger?.config ?? null;
  return {
    testPath: `/hooks/${workflow.token}/test`,
    readiness: inboundReadiness({
      isActive: workflow.isActive,
      trigger,
      isGraphValid: settings.isGraphValid,
      hasSecret: workflow.inboundSecret !== null,
    }),
    secretHint: workflow.inboundSecretHint,
    activeVerification: trigger?.verification ?? null,
  };
}
