import { findReachable } from "./graph-traversal";
import type { GraphNode } from "./graph";
import { isTriggerType } from "./node-types";

/** The ends of an edge being drawn; `sourceHandle` names the output of a branching node. */
export type ProposedConnection = {
  source: string;
  target: string;
  sourceHandle?: string | null;
};

/** What `checkConnection` needs of an existing edge. */
export type ConnectionEdge = ProposedConnection;

export type ConnectionRefusal =
  "self_loop" | "into_trigger" | "duplicate" | "cycle" | "unknown_node";

export type ConnectionCheck =
  { ok: true } | { ok: false; reason: ConnectionRefusal; message: string };

/**
 * Whether a new edge may join two nodes, checked while it is drawn: no edge from a node to
 * itself, none into a trigger, no second edge from the same output to the same node, and none
 * that would close a loop. An edge's output (`sourceHandle`) is part of its identity, so a
 * branching node may lead to one node from two different outputs.
 *
 * @example checkConnection(graph.nodes, graph.edges, { source: "http1", target: "webhook1" })
 * // { ok: false, reason: "into_trigger", message: "Nothing can lead into a trigger ..." }
 */
export function checkConnection(
  nodes: readonly Pick<GraphNode, "id" | "type">[],
  edges: readonly ConnectionEdge[],
  connection: ProposedConnection,
): ConnectionCheck {
  const { source, target } = connection;
  if (source === target) {
    return refuse("self_loop", "A step cannot connect to itself.");
  }

  const targetNode = nodes.find((node) => node.id === target);
  if (targetNode === undefined || !nodes.some((node) => node.id === source)) {
    return refuse("unknown_node", "Both ends of a connection must be steps on the canvas.");
  }
  if (isTriggerType(targetNode.type)) {
    return refuse("into_trigger", "Nothing can lead into a trigger: it starts the workflow.");
  }

  const handle = connection.sourceHandle ?? null;
  const isDuplicate = edges.some(
    (edge) =>
      edge.source === source && edge.target === target && (edge.sourceHandle ?? null) === handle,
  );
  if (isDuplicate) {
    return refuse("duplicate", `${source} already leads to ${target}.`);
  }

  if (findReachable([target], successorsOf(edges)).has(source)) {
    return refuse("cycle", `${target} already leads back to ${source}; workflows cannot loop.`);
  }
  return { ok: true };
}

function successorsOf(edges: readonly ConnectionEdge[]): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  }
  return successors;
}

function refuse(reason: ConnectionRefusal, message: string): ConnectionCheck {
  return { ok: false, reason, message };
}
