import type { StepStatus, StepView } from "@/lib/api/views";

/** What a canvas card needs of a step to show how its node fared in a run. */
export type NodeStepMark = { nodeType: string; status: StepStatus };

/**
 * The steps of a run by the node they executed. A node executes at most once per run; should a
 * run ever hold two steps of one node, the later one (by position) is what the node shows.
 */
export function indexStepsByNode<Step extends Pick<StepView, "nodeId" | "position">>(
  steps: readonly Step[],
): Map<string, Step> {
  const byNode = new Map<string, Step>();
  for (const step of [...steps].sort((a, b) => a.position - b.position)) {
    byNode.set(step.nodeId, step);
  }
  return byNode;
}

/**
 * The step a canvas node stands for in a run, or undefined when the node took no part in it.
 * The canvas shows the draft, which may differ from the version the run pinned: a node of the
 * same id but another type is a different node, so it gets no step.
 */
export function findNodeStep<Step extends NodeStepMark>(
  stepsByNode: ReadonlyMap<string, Step>,
  node: { id: string; nodeType: string },
): Step | undefined {
  const step = stepsByNode.get(node.id);
  return step?.nodeType === node.nodeType ? step : undefined;
}

/** How a step status reads after "Last run:" on a card and in the inspector. */
export const stepStatusWords: Record<StepStatus, string> = {
  running: "running",
  succeeded: "succeeded",
  failed: "failed",
  skipped: "skipped",
  waiting: "waiting",
};

/** How many characters of a step's outcome a canvas card shows; its tooltip shows more. */
export const PREVIEW_TITLE_LENGTH = 300;

/**
 * One line that says what a step gave, for its canvas card: why it failed, or its output in
 * compact JSON (an HTTP call's status and response body first). Null for steps that have not
 * ended or did not run.
 */
export function previewStepOutcome(
  step: Pick<StepView, "status" | "output" | "error">,
): string | null {
  if (step.status === "failed") return step.error ?? "Failed without a reason recorded";
  if (step.status !== "succeeded") return null;
  const output = step.output;
  const response = responseOf(output);
  const text =
    response === null ? compactJson(output) : `${response.status} · ${compactJson(response.body)}`;
  return text.length > PREVIEW_TITLE_LENGTH ? `${text.slice(0, PREVIEW_TITLE_LENGTH)}…` : text;
}

function responseOf(output: unknown): { status: number; body: unknown } | null {
  if (typeof output !== "object" || output === null) return null;
  const response = (output as Record<string, unknown>)["response"];
  if (typeof response !== "object" || response === null) return null;
  const { status, body } = response as Record<string, unknown>;
  return typeof status === "number" ? { status, body } : null;
}

function compactJson(value: unknown): string {
  if (value === undefined) return "nothing";
  // Stored outputs came from JSON, so this cannot meet a cycle or a BigInt.
  return JSON.stringify(value);
}
