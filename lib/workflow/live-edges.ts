import type { GraphEdge } from "./graph";
import { isRecord } from "./is-record";
import { getNodeType } from "./node-types";

/** What the run knows about a node that came before: its type, and its output if it ran. */
export type SourceOutcome =
  { status: "ran"; nodeType: string; output: unknown } | { status: "skipped" };

/**
 * Whether an edge carries the run on: its source ran and, for a node with labelled outputs,
 * the edge leaves from the output the step took. A Condition takes "true" or "false" by its
 * output's `result`.
 */
export function isEdgeLive(edge: GraphEdge, source: SourceOutcome | undefined): boolean {
  if (source === undefined || source.status === "skipped") return false;
  if (getNodeType(source.nodeType)?.outputHandles === undefined) return true;
  return edge.sourceHandle !== undefined && edge.sourceHandle === takenHandle(source.output);
}

/**
 * Whether a node runs: a node runs when at least one edge into it is live, so a node that both
 * branches reach, or that another path reaches, still runs. Triggers are decided by the caller.
 */
export function isNodeLive(
  incoming: readonly GraphEdge[],
  outcomes: ReadonlyMap<string, SourceOutcome>,
): boolean {
  return incoming.some((edge) => isEdgeLive(edge, outcomes.get(edge.source)));
}

function takenHandle(output: unknown): string | undefined {
  if (!isRecord(output) || typeof output["result"] !== "boolean") return undefined;
  return String(output["result"]);
}
