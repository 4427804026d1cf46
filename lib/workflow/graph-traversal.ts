import type { Graph } from "./graph";

/** Node id to the ids its edges lead to. */
export type Successors = ReadonlyMap<string, readonly string[]>;

/**
 * The successors of every node, in edge order. Edges with a missing end are left out; repeated
 * edges are kept, so counting predecessors over this map stays consistent.
 */
export function buildSuccessors(graph: Graph): Successors {
  const successors = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    const targets = successors.get(edge.source);
    if (targets !== undefined && successors.has(edge.target)) targets.push(edge.target);
  }
  return successors;
}

/** The ids reachable from the start ids by following edges, the start ids included. */
export function findReachable(startIds: Iterable<string>, successors: Successors): Set<string> {
  const reached = new Set(startIds);
  const pending = [...reached];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const next of successors.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      pending.push(next);
    }
  }
  return reached;
}
