import { log } from "../log";
import { getNodeType } from "../workflow/node-types";
import type { TemplateContext } from "../workflow/templates";
import { buildTemplateSamples } from "../workflow/template-samples";
import { readSampleData } from "../workflows/read-sample-data";
import { startDraftRun, type DraftRunResult } from "./start-draft-run";

type Refusal = "node_not_found" | "node_is_trigger";

export type StepRunResult = DraftRunResult<Refusal>;

/**
 * Tries one action node of the current draft on its own: a `step` run that executes only that
 * node, with `input` as its template context (`trigger` and earlier `steps`). Without an input
 * the node gets what its templates preview against in the editor: the captured test event (or
 * the last run's trigger data) and the last run's outputs of the steps before it. Only the
 * node's own problems stop it; the rest of the draft may still be half built. Like any draft
 * run it pins the draft as a version, and its calls and deliveries are real ones, recorded in
 * the delivery log.
 */
export async function startStepRun(
  scope: { workspaceId: string; userId: string; workflowId: string },
  nodeId: string,
  input: TemplateContext | undefined,
): Promise<StepRunResult> {
  const defaultInput =
    input === undefined ? await readSampleData(scope.workspaceId, scope.workflowId) : null;
  const result = await startDraftRun<Refusal>(
    scope,
    (graph) => {
      const node = graph.nodes.find((candidate) => candidate.id === nodeId);
      if (!node) return { reason: "node_not_found" };
      if (getNodeType(node.type)?.category === "trigger") return { reason: "node_is_trigger" };
      return {
        triggerKind: "step",
        triggerNodeId: nodeId,
        triggerData: input ?? sampleContext(buildTemplateSamples(graph, nodeId, defaultInput)),
      };
    },
    (problem) => problem.nodeId === nodeId,
  );
  if (result.ok) log.info({ runId: result.runId, nodeId }, "step test started");
  return result;
}

function sampleContext(samples: ReturnType<typeof buildTemplateSamples>): TemplateContext {
  return { trigger: samples.trigger?.data ?? null, steps: samples.stepOutputs };
}
