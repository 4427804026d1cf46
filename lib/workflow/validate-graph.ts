import { findCycles } from "./find-cycles";
import type { Graph, GraphEdge, GraphNode } from "./graph";
import { buildSuccessors, findReachable, type Successors } from "./graph-traversal";
import { getNodeType, isTriggerType, nodeTypes } from "./node-types";
import { validateNodeConfig } from "./validate-node-config";

export type GraphProblemCode =
  | "no_trigger"
  | "cycle"
  | "unconnected_node"
  | "invalid_config"
  | "unknown_node_type"
  | "duplicate_node_id"
  | "dangling_edge"
  | "edge_into_trigger"
  | "duplicate_edge"
  | "edge_handle";

/**
 * One reason a graph cannot be published or run, worded for the person editing it. `nodeId`,
 * `edgeId` and `field` point the editor at what to highlight.
 */
export type GraphProblem = {
  code: GraphProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
};

/**
 * Everything wrong with a graph, or an empty list when it can run: node ids are unique, types
 * known and configs valid; edges join existing nodes, never lead into a trigger and are not
 * repeated; there is a trigger, no cycle, and every node is wired in (each trigger leads
 * somewhere and every other node is reachable from a trigger).
 *
 * Problems come in a stable order: nodes, then edges, then the shape of the whole graph.
 */
export function validateGraph(graph: Graph): GraphProblem[] {
  const nodesById = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (!nodesById.has(node.id)) nodesById.set(node.id, node);
  }
  return [
    ...findNodeProblems(graph.nodes),
    ...findEdgeProblems(graph.edges, nodesById),
    ...findShapeProblems(graph, nodesById),
  ];
}

function findNodeProblems(nodes: readonly GraphNode[]): GraphProblem[] {
  const seenIds = new Set<string>();
  const duplicateIds = new Set<string>();
  const problems: GraphProblem[] = [];
  for (const node of nodes) {
    if (seenIds.has(node.id) && !duplicateIds.has(node.id)) {
      duplicateIds.add(node.id);
      problems.push({
        code: "duplicate_node_id",
        nodeId: node.id,
        message: `More than one node has the id ${node.id}; node ids must be unique`,
      });
    }
    seenIds.add(node.id);
    problems.push(...findConfigProblems(node));
  }
  return problems;
}

function findConfigProblems(node: GraphNode): GraphProblem[] {
  const definition = getNodeType(node.type);
  if (definition === undefined) {
    return [
      {
        code: "unknown_node_type",
        nodeId: node.id,
        message: `Node ${node.id} has the unknown type "${node.type}"`,
      },
    ];
  }

  const result = validateNodeConfig(definition, node.config);
  if (result.ok) return [];
  return result.issues.map((issue) => ({
    code: "invalid_config",
    nodeId: node.id,
    field: issue.field,
    message: `${describeNode(node)}: ${issue.message}`,
  }));
}

function findEdgeProblems(
  edges: readonly GraphEdge[],
  nodesById: ReadonlyMap<string, GraphNode>,
): GraphProblem[] {
  const seenIds = new Set<string>();
  const seenConnections = new Set<string>();
  const problems: GraphProblem[] = [];
  for (const edge of edges) {
    if (seenIds.has(edge.id)) {
      problems.push(
        edgeProblem(edge, "duplicate_edge", `More than one edge has the id ${edge.id}`),
      );
    }
    seenIds.add(edge.id);

    const problem = findConnectionProblem(edge, nodesById, seenConnections);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

function findConnectionProblem(
  edge: GraphEdge,
  nodesById: ReadonlyMap<string, GraphNode>,
  seenConnections: Set<string>,
): GraphProblem | undefined {
  const missingEnd = [edge.source, edge.target].find((id) => !nodesById.has(id));
  if (missingEnd !== undefined) {
    const message = `Edge ${edge.id} connects to ${missingEnd}, which does not exist`;
    return edgeProblem(edge, "dangling_edge", message);
  }

  const handleProblem = findHandleProblem(edge, nodesById.get(edge.source));
  if (handleProblem !== undefined) return edgeProblem(edge, "edge_handle", handleProblem);

  const target = nodesById.get(edge.target);
  if (target !== undefined && isTriggerType(target.type)) {
    const name = describeNode(target);
    const message = `Edge ${edge.id} leads into ${name}; nothing can run before a trigger`;
    return edgeProblem(edge, "edge_into_trigger", message);
  }

  // Node ids cannot contain "→" or ":", so the key is unambiguous.
  const connection = `${edge.source}:${edge.sourceHandle ?? ""}→${edge.target}`;
  if (seenConnections.has(connection)) {
    const message = `Edge ${edge.id} repeats the connection from ${edge.source} to ${edge.target}`;
    return edgeProblem(edge, "duplicate_edge", message);
  }
  seenConnections.add(connection);
  return undefined;
}

/** A branching node's edges name one of its outputs; other nodes' edges name none. */
function findHandleProblem(edge: GraphEdge, source: GraphNode | undefined): string | undefined {
  if (source === undefined) return undefined;
  const handles = getNodeType(source.type)?.outputHandles;
  if (handles === undefined) {
    if (edge.sourceHandle === undefined) return undefined;
    return `Edge ${edge.id} leaves ${describeNode(source)} from an output it does not have`;
  }
  if (handles.some((handle) => handle.id === edge.sourceHandle)) return undefined;
  const names = joinWords(
    handles.map((handle) => handle.label),
    "or",
  );
  return `Edge ${edge.id} must leave ${describeNode(source)} from its ${names} output`;
}

function findShapeProblems(
  graph: Graph,
  nodesById: ReadonlyMap<string, GraphNode>,
): GraphProblem[] {
  const nodes = [...nodesById.values()];
  const triggerIds = nodes.filter((node) => isTriggerType(node.type)).map((node) => node.id);
  const successors = buildSuccessors(graph);
  return [
    ...(triggerIds.length === 0 ? [noTriggerProblem()] : []),
    ...findCycleProblems(nodesById, successors),
    ...findUnconnectedProblems(nodes, triggerIds, successors),
  ];
}

function noTriggerProblem(): GraphProblem {
  const triggerLabels = nodeTypes
    .filter((definition) => definition.category === "trigger")
    .map((definition) => `a ${definition.label}`);
  return {
    code: "no_trigger",
    message: `The workflow has no trigger: add ${joinWords(triggerLabels, "or")} to start it`,
  };
}

function findCycleProblems(
  nodesById: ReadonlyMap<string, GraphNode>,
  successors: Successors,
): GraphProblem[] {
  const cycles = findCycles([...nodesById.keys()], successors);
  return cycles.flatMap((cycle) =>
    cycle.map((id): GraphProblem => {
      const others = cycle.filter((otherId) => otherId !== id);
      const loop =
        others.length === 0 ? "connects to itself" : `is in a loop with ${listIds(others)}`;
      const node = nodesById.get(id);
      const name = node === undefined ? `Node ${id}` : describeNode(node);
      const message = `${name} ${loop}; workflows cannot loop`;
      return { code: "cycle", nodeId: id, message };
    }),
  );
}

/**
 * A trigger needs an outgoing edge, every other node a path from some trigger. Without any
 * trigger only nodes with no edge at all are reported, since "no trigger" already covers the rest.
 */
function findUnconnectedProblems(
  nodes: readonly GraphNode[],
  triggerIds: readonly string[],
  successors: Successors,
): GraphProblem[] {
  const reachable = findReachable(triggerIds, successors);
  const linkedIds = new Set(
    [...successors].flatMap(([id, targets]) => (targets.length > 0 ? [id, ...targets] : [])),
  );

  return nodes.flatMap((node): GraphProblem[] => {
    if (isTriggerType(node.type)) {
      const isWired = (successors.get(node.id) ?? []).length > 0;
      return isWired ? [] : [unconnectedProblem(node, "is not connected to any step")];
    }
    const isWired = triggerIds.length > 0 ? reachable.has(node.id) : linkedIds.has(node.id);
    return isWired ? [] : [unconnectedProblem(node, "is not connected to a trigger")];
  });
}

function unconnectedProblem(node: GraphNode, predicate: string): GraphProblem {
  return {
    code: "unconnected_node",
    nodeId: node.id,
    message: `${describeNode(node)} ${predicate}`,
  };
}

function edgeProblem(edge: GraphEdge, code: GraphProblemCode, message: string): GraphProblem {
  return { code, edgeId: edge.id, message };
}

/** "HTTP request http1": how messages name a node. */
function describeNode(node: GraphNode): string {
  return `${getNodeType(node.type)?.label ?? "Node"} ${node.id}`;
}

/** Names a few ids and counts the rest, so a loop through hundreds of nodes stays readable. */
function listIds(ids: readonly string[]): string {
  const maxShown = 5;
  if (ids.length <= maxShown) return joinWords(ids, "and");
  const rest = ids.length - (maxShown - 1);
  return joinWords([...ids.slice(0, maxShown - 1), `${rest} other nodes`], "and");
}

/** ["a", "b", "c"] and "and" give "a, b and c". */
function joinWords(words: readonly string[], conjunction: "and" | "or"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1) ?? ""}`;
}
