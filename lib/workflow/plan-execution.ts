import type { Graph } from "./graph";
import { buildSuccessors, findReachable, type Successors } from "./graph-traversal";

/**
 * The order in which a run executes: the trigger, then every node reachable from it, each after
 * all of its reachable predecessors. Among nodes that are ready together, the one listed first in
 * `graph.nodes` goes first, so the same graph always gives the same plan.
 *
 * Meant for validated graphs. On a cycle it still ends, leaving out the nodes on the cycle and
 * those after it; an unknown trigger id gives an empty plan.
 *
 * @example
 * planExecution(graph, "webhook1"); // ["webhook1", "http1", "http2", "send1"]
 */
export function planExecution(graph: Graph, triggerNodeId: string): string[] {
  const positions = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    if (!positions.has(node.id)) positions.set(node.id, index);
  });
  if (!positions.has(triggerNodeId)) return [];

  const successors = buildSuccessors(graph);
  const reachable = findReachable([triggerNodeId], successors);
  const waitingOn = countPredecessors(reachable, successors, triggerNodeId);

  const plan: string[] = [];
  const ready = [triggerNodeId];
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    plan.push(id);
    for (const next of successors.get(id) ?? []) {
      if (next === triggerNodeId) continue;
      const remaining = (waitingOn.get(next) ?? 0) - 1;
      waitingOn.set(next, remaining);
      if (remaining === 0) insertByPosition(ready, next, positions);
    }
  }
  return plan;
}

/** Edges into the trigger are ignored: it always runs first. */
function countPredecessors(
  reachable: ReadonlySet<string>,
  successors: Successors,
  triggerNodeId: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of reachable) {
    for (const next of successors.get(id) ?? []) {
      if (next !== triggerNodeId) counts.set(next, (counts.get(next) ?? 0) + 1);
    }
  }
  return counts;
}

/** Keeps `ready` sorted by graph position with a binary search. */
function insertByPosition(ready: string[], id: string, positions: ReadonlyMap<string, number>) {
  const positionOf = (nodeId: string) => positions.get(nodeId) ?? Number.POSITIVE_INFINITY;
  const position = positionOf(id);
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const middleId = ready[middle];
    if (middleId !== undefined && positionOf(middleId) <= position) low = middle + 1;
    else high = middle;
  }
  ready.splice(low, 0, id);
}
