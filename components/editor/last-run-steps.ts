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
