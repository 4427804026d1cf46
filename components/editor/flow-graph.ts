import type { Edge, Node } from "@xyflow/react";
import type { Graph, GraphEdge } from "@/lib/workflow/graph";

/** What a canvas node carries: the workflow node's type and config, as stored. */
export type WorkflowNodeData = { nodeType: string; config: Record<string, unknown> };

/** Every workflow node renders through one React Flow node type; the real type is in data. */
export type WorkflowFlowNode = Node<WorkflowNodeData, "workflow">;

export type WorkflowFlowEdge = Edge;

export function toFlowNodes(graph: Graph): WorkflowFlowNode[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    type: "workflow",
    position: { x: node.position.x, y: node.position.y },
    data: { nodeType: node.type, config: node.config },
  }));
}

export function toFlowEdges(graph: Graph): WorkflowFlowEdge[] {
  return graph.edges.map(toFlowEdge);
}

/** Colours of a branch edge's label: true green, false rose, as on the Condition's handles. */
const branchLabelColours: Record<string, { text: string; background: string }> = {
  true: { text: "#047857", background: "#ecfdf5" },
  false: { text: "#be123c", background: "#fff1f2" },
};

/**
 * A graph edge as the canvas draws it. An edge that leaves a labelled output (a Condition's
 * true or false) starts at that handle and carries the output's name as its label.
 */
export function toFlowEdge(edge: GraphEdge): WorkflowFlowEdge {
  const { id, source, target, sourceHandle } = edge;
  if (sourceHandle === undefined) return { id, source, target };

  const colours = branchLabelColours[sourceHandle] ?? { text: "#475569", background: "#f8fafc" };
  return {
    id,
    source,
    target,
    sourceHandle,
    label: sourceHandle,
    labelStyle: { fill: colours.text, fontSize: 11, fontWeight: 600 },
    labelBgStyle: { fill: colours.background },
    labelBgPadding: [6, 3],
    labelBgBorderRadius: 4,
  };
}

/** The graph as it is saved: React Flow's selection, sizes and drag state are left behind. */
export function toGraph(
  nodes: readonly WorkflowFlowNode[],
  edges: readonly WorkflowFlowEdge[],
): Graph {
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      type: node.data.nodeType,
      position: { x: node.position.x, y: node.position.y },
      config: node.data.config,
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
    })),
  };
}

/**
 * Node ids cannot contain "-", so joining the ends (and the output a branch edge leaves from)
 * with it gives every connection one id that no other connection can produce.
 */
export function edgeIdFor(source: string, target: string, sourceHandle?: string | null): string {
  return sourceHandle ? `${source}-${sourceHandle}-${target}` : `${source}-${target}`;
}

/**
 * A text that is equal for two graphs exactly when they save the same: node and edge order and
 * the key order inside configs do not count, since the server may store them differently.
 * Callers that fingerprint often pass a `stringifyConfig` that caches by config object.
 */
export function graphFingerprint(
  graph: Graph,
  stringifyConfig: (config: Record<string, unknown>) => string = stringifyCanonically,
): string {
  const nodes = [...graph.nodes]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((node) => [
      node.id,
      node.type,
      node.position.x,
      node.position.y,
      stringifyConfig(node.config),
    ]);
  const edges = [...graph.edges]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((edge) => [edge.id, edge.source, edge.target, edge.sourceHandle ?? null]);
  return JSON.stringify([nodes, edges]);
}

/** JSON with object keys sorted at every depth. */
export function stringifyCanonically(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => compareIds(a, b))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}
