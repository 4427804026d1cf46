import type { Graph } from "./graph";
import { isRecord } from "./is-record";
import { listEarlierSteps } from "./list-earlier-steps";

/** Where the trigger data of a sample came from; error messages name it. */
export type TriggerSampleSource = "captured event" | "last run";

/**
 * Data that one node's templates are completed, checked and previewed against: the trigger
 * data of the last captured test event (or else of the last run), and the outputs that the
 * steps before the node gave in the last run.
 */
export type TemplateSamples = {
  /** Absent when there is no captured event and no run to take it from. */
  trigger?: { source: TriggerSampleSource; data: unknown };
  /** Whether a run exists to take step outputs from. */
  hasRun: boolean;
  /** The steps a run executes before the node, in execution order, trigger included. */
  earlierStepIds: readonly string[];
  /** Last run's outputs of the earlier steps that succeeded in it, by node id. */
  stepOutputs: Readonly<Record<string, unknown>>;
};

/** What the sample-data API answers for a workflow, as far as templates need it. */
export type SampleDataInput = {
  testEvent: { triggerData: unknown } | null;
  lastRun: { triggerData: unknown; stepOutputs: Record<string, unknown> } | null;
};

/**
 * Narrows a workflow's sample data to what the templates of `nodeId` can read: step outputs
 * of later or unrelated steps are dropped, since a run would not have them there either.
 */
export function buildTemplateSamples(
  graph: Graph,
  nodeId: string,
  sampleData: SampleDataInput | null,
): TemplateSamples {
  const earlierStepIds = listEarlierSteps(graph, nodeId);
  const testEvent = sampleData?.testEvent ?? null;
  const lastRun = sampleData?.lastRun ?? null;

  const stepOutputs: Record<string, unknown> = {};
  for (const id of earlierStepIds) {
    if (lastRun !== null && Object.hasOwn(lastRun.stepOutputs, id)) {
      stepOutputs[id] = lastRun.stepOutputs[id];
    }
  }
  const trigger =
    testEvent !== null
      ? { source: "captured event" as const, data: testEvent.triggerData }
      : lastRun !== null
        ? { source: "last run" as const, data: lastRun.triggerData }
        : undefined;
  return { ...(trigger ? { trigger } : {}), hasRun: lastRun !== null, earlierStepIds, stepOutputs };
}

/**
 * The trigger data with its body first, then query and headers: the order a person looks for
 * them in. Other keys follow as they are.
 */
export function orderTriggerData(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const preferred = ["body", "query", "headers"].filter((key) => Object.hasOwn(data, key));
  const rest = Object.keys(data).filter((key) => !preferred.includes(key));
  return Object.fromEntries([...preferred, ...rest].map((key) => [key, data[key]]));
}
