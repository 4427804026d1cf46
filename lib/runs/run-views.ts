import type {
  DeliveryStatus,
  RunStatus,
  RunSummaryView,
  RunView,
  StepStatus,
  StepView,
} from "../api/views";

type RunRecord = {
  id: string;
  workflowId: string;
  workflow: { name: string };
  version: { number: number };
  triggerKind: string;
  status: string;
  error: string | null;
  createdAt: Date;
  durationMs: number | null;
};

export const runSummaryInclude = {
  workflow: { select: { name: true } },
  version: { select: { number: true } },
} as const;

/** Statuses are written only by this code base; anything else is a corrupted row. */
function asRunStatus(status: string): RunStatus {
  if (status === "queued" || status === "running" || status === "succeeded" || status === "failed")
    return status;
  throw new Error(`Unknown run status ${status}`);
}

function asTriggerKind(kind: string): RunSummaryView["triggerKind"] {
  return kind === "manual" || kind === "schedule" || kind === "step" ? kind : "webhook";
}

export function toRunSummaryView(run: RunRecord): RunSummaryView {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowName: run.workflow.name,
    versionNumber: run.version.number,
    triggerKind: asTriggerKind(run.triggerKind),
    status: asRunStatus(run.status),
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    durationMs: run.durationMs,
  };
}

type StepRecord = {
  id: string;
  nodeId: string;
  nodeType: string;
  position: number;
  status: string;
  input: string | null;
  output: string | null;
  error: string | null;
  startedAt: Date;
  durationMs: number | null;
  exchanges: { id: string }[];
  deliveries: { id: string; messageId: string; status: string; attempts: number }[];
};

export function toStepView(step: StepRecord): StepView {
  return {
    id: step.id,
    nodeId: step.nodeId,
    nodeType: step.nodeType,
    position: step.position,
    status: step.status as StepStatus,
    input: parseJson(step.input),
    output: parseJson(step.output),
    error: step.error,
    startedAt: step.startedAt.toISOString(),
    durationMs: step.durationMs,
    exchangeIds: step.exchanges.map((exchange) => exchange.id),
    deliveries: step.deliveries.map((d) => ({ ...d, status: d.status as DeliveryStatus })),
  };
}

export function toRunView(
  run: RunRecord & { rerunOfId: string | null; triggerData: string; steps: StepRecord[] },
): RunView {
  return {
    ...toRunSummaryView(run),
    rerunOfId: run.rerunOfId,
    triggerData: parseJson(run.triggerData),
    steps: run.steps.map(toStepView),
  };
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
