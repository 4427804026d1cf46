import { describeConfigFields } from "./config-fields";
import type { Graph, GraphEdge, GraphNode } from "./graph";
import { isRecord } from "./is-record";
import type { NodeTypeDefinition } from "./node-type";
import { getNodeType } from "./node-types";

/** A node as a diff names it: its id and the label of its type, e.g. "HTTP request". */
export type DiffNode = { id: string; type: string; typeLabel: string };

/** An edge as a diff names it; `handleLabel` names a branching source's output, e.g. "true". */
export type DiffEdge = {
  source: string;
  target: string;
  sourceHandle: string | null;
  handleLabel: string | null;
};

/** One setting of a node that differs between the two graphs. */
export type ConfigFieldChange = {
  /** Key in the node's config. */
  name: string;
  /** The setting's label from the node type registry; its key when the type does not declare it. */
  label: string;
  /** `undefined` when the setting is absent on that side. */
  before: unknown;
  after: unknown;
  /** A secret setting: show that it changed, never its values. */
  isSecret: boolean;
};

export type Position = { x: number; y: number };

/** A node present in both graphs whose type, place or settings differ. */
export type ChangedNode = DiffNode & {
  typeChange: { before: DiffNode; after: DiffNode } | null;
  /** Positions rounded to whole pixels; null when the node stayed where it was. */
  move: { before: Position; after: Position } | null;
  fields: ConfigFieldChange[];
};

export type GraphDiff = {
  addedNodes: DiffNode[];
  removedNodes: DiffNode[];
  changedNodes: ChangedNode[];
  addedEdges: DiffEdge[];
  removedEdges: DiffEdge[];
};

/**
 * What changed from `before` to `after`. Nodes are matched by id and edges by source, output
 * and target (edge ids are derived, so they carry nothing of their own). Settings are compared
 * by value, ignoring key order, and listed in the order the node type declares them, with
 * settings it does not declare after, by key. Moves of less than half a pixel do not count.
 * Lists follow the order of `after`, removals the order of `before`.
 *
 * @example
 * const diff = diffGraphs(version.graph, draft);
 * diff.changedNodes[0]?.fields.map((field) => field.label); // ["URL"]
 */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(after.nodes.map((node) => node.id));

  const changedNodes: ChangedNode[] = [];
  for (const node of after.nodes) {
    const previous = beforeNodes.get(node.id);
    const change = previous === undefined ? null : diffNode(previous, node);
    if (change !== null) changedNodes.push(change);
  }

  const beforeEdges = new Map(before.edges.map((edge) => [edgeKey(edge), edge]));
  const afterEdges = new Map(after.edges.map((edge) => [edgeKey(edge), edge]));

  return {
    addedNodes: after.nodes.filter((node) => !beforeNodes.has(node.id)).map(toDiffNode),
    removedNodes: before.nodes.filter((node) => !afterIds.has(node.id)).map(toDiffNode),
    changedNodes,
    addedEdges: [...afterEdges]
      .filter(([key]) => !beforeEdges.has(key))
      .map(([, edge]) => toDiffEdge(edge, after)),
    removedEdges: [...beforeEdges]
      .filter(([key]) => !afterEdges.has(key))
      .map(([, edge]) => toDiffEdge(edge, before)),
  };
}

/** Whether the two graphs of a diff are the same as far as `diffGraphs` can tell. */
export function isDiffEmpty(diff: GraphDiff): boolean {
  return (
    diff.addedNodes.length === 0 &&
    diff.removedNodes.length === 0 &&
    diff.changedNodes.length === 0 &&
    diff.addedEdges.length === 0 &&
    diff.removedEdges.length === 0
  );
}

function diffNode(before: GraphNode, after: GraphNode): ChangedNode | null {
  const typeChange =
    before.type === after.type ? null : { before: toDiffNode(before), after: toDiffNode(after) };
  const move = diffPosition(before.position, after.position);
  const fields = diffConfig(before, after);
  if (typeChange === null && move === null && fields.length === 0) return null;
  return { ...toDiffNode(after), typeChange, move, fields };
}

function diffPosition(before: Position, after: Position): ChangedNode["move"] {
  const from = { x: Math.round(before.x), y: Math.round(before.y) };
  const to = { x: Math.round(after.x), y: Math.round(after.y) };
  return from.x === to.x && from.y === to.y ? null : { before: from, after: to };
}

function diffConfig(before: GraphNode, after: GraphNode): ConfigFieldChange[] {
  const types = [getNodeType(after.type), getNodeType(before.type)].filter(
    (definition): definition is NodeTypeDefinition => definition !== undefined,
  );
  const labels = new Map<string, string>();
  for (const definition of [...types].reverse()) {
    for (const field of describeConfigFields(definition)) labels.set(field.name, field.label);
  }
  const declared = types.flatMap((definition) =>
    describeConfigFields(definition).map((field) => field.name),
  );
  const undeclared = [...Object.keys(before.config), ...Object.keys(after.config)]
    .filter((name) => !labels.has(name))
    .sort();
  const names = [...new Set([...declared, ...undeclared])];

  return names
    .filter((name) => !isSameValue(before.config[name], after.config[name]))
    .map((name) => ({
      name,
      label: labels.get(name) ?? name,
      before: before.config[name],
      after: after.config[name],
      isSecret: types.some((definition) => definition.secretFields.includes(name)),
    }));
}

/** Structural equality of JSON values; object key order does not matter. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => isSameValue(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && isSameValue(a[key], b[key]));
}

function toDiffNode(node: GraphNode): DiffNode {
  return { id: node.id, type: node.type, typeLabel: getNodeType(node.type)?.label ?? node.type };
}

function edgeKey(edge: GraphEdge): string {
  return JSON.stringify([edge.source, edge.sourceHandle ?? null, edge.target]);
}

/** Names the edge's output by the label its source's type gives it, in the graph it is from. */
function toDiffEdge(edge: GraphEdge, graph: Graph): DiffEdge {
  const sourceHandle = edge.sourceHandle ?? null;
  const sourceType = graph.nodes.find((node) => node.id === edge.source)?.type;
  const handles = sourceType === undefined ? [] : (getNodeType(sourceType)?.outputHandles ?? []);
  const handleLabel =
    sourceHandle === null
      ? null
      : (handles.find((handle) => handle.id === sourceHandle)?.label ?? sourceHandle);
  return { source: edge.source, target: edge.target, sourceHandle, handleLabel };
}
