import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from "@xyflow/react";
import type { Graph } from "@/lib/workflow/graph";
import { isRecord } from "@/lib/workflow/is-record";
import { nextNodeId } from "@/lib/workflow/next-node-id";
import { getNodeType, isTriggerType } from "@/lib/workflow/node-types";
import { validateGraph, type GraphProblem } from "@/lib/workflow/validate-graph";
import {
  edgeIdFor,
  graphFingerprint,
  stringifyCanonically,
  toFlowEdge,
  toFlowEdges,
  toFlowNodes,
  toGraph,
  type WorkflowFlowEdge,
  type WorkflowFlowNode,
} from "./flow-graph";

export type EditorState = {
  nodes: WorkflowFlowNode[];
  edges: WorkflowFlowEdge[];
  /** The working graph as Save would send it. */
  graph: Graph;
  /** `validateGraph` of the working graph, recomputed only when more than positions change. */
  problems: GraphProblem[];
  /** Each node's problem messages joined by newlines: text, so per-node selectors stay stable. */
  problemTextByNode: ReadonlyMap<string, string>;
  /** Whether the working graph differs from the last saved draft. */
  isDirty: boolean;
};

/**
 * The editor's working copy of a workflow graph, outside React so that components subscribe to
 * the one slice they show: a node to its own problems, the inspector to the selected node.
 */
export type EditorStore = ReturnType<typeof createEditorStore>;

export function createEditorStore(savedGraph: Graph) {
  const fingerprint = createFingerprinter();
  let savedFingerprint = fingerprint(savedGraph);
  let state = deriveState(toFlowNodes(savedGraph), toFlowEdges(savedGraph), null);
  const listeners = new Set<() => void>();

  function commit(nodes: WorkflowFlowNode[], edges: WorkflowFlowEdge[]) {
    const derived = deriveState(nodes, edges, state);
    state = { ...derived, isDirty: fingerprint(derived.graph) !== savedFingerprint };
    for (const listener of listeners) listener();
  }

  function canConnect(
    connection: Pick<Connection, "source" | "target"> & { sourceHandle?: string | null },
  ): boolean {
    const { source, target } = connection;
    if (source === target) return false;
    const targetNode = state.nodes.find((node) => node.id === target);
    if (targetNode === undefined || isTriggerType(targetNode.data.nodeType)) return false;
    const handle = connection.sourceHandle ?? null;
    return !state.edges.some(
      (edge) =>
        edge.source === source && edge.target === target && (edge.sourceHandle ?? null) === handle,
    );
  }

  return {
    getState: (): EditorState => state,

    /** Makes `graph` the baseline that `isDirty` compares against, e.g. after a save. */
    setSavedGraph: (graph: Graph) => {
      savedFingerprint = fingerprint(graph);
      commit(state.nodes, state.edges);
    },

    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    applyNodeChanges: (changes: NodeChange<WorkflowFlowNode>[]) => {
      const nodes = applyNodeChanges(changes, state.nodes);
      commit(nodes, withoutDanglingEdges(state.edges, nodes, changes));
    },

    applyEdgeChanges: (changes: EdgeChange<WorkflowFlowEdge>[]) => {
      commit(state.nodes, applyEdgeChanges(changes, state.edges));
    },

    /** Refuses self-loops, edges into triggers and a second edge from the same output to a node. */
    canConnect,

    connect: (connection: Connection) => {
      if (!canConnect(connection)) return;
      const { source, target, sourceHandle } = connection;
      const edge = toFlowEdge({
        id: edgeIdFor(source, target, sourceHandle),
        source,
        target,
        ...(sourceHandle ? { sourceHandle } : {}),
      });
      commit(state.nodes, [...state.edges, edge]);
    },

    /** Adds a node of a registry type with its default config and selects it; returns its id. */
    addNode: (type: string, position: XYPosition): string | null => {
      const definition = getNodeType(type);
      if (definition === undefined) return null;

      const id = nextNodeId(state.graph, definition.idPrefix);
      const config = isRecord(definition.defaultConfig)
        ? structuredClone(definition.defaultConfig)
        : {};
      const node: WorkflowFlowNode = {
        id,
        type: "workflow",
        position,
        data: { nodeType: type, config },
        selected: true,
      };
      commit([...state.nodes.map(deselect), node], state.edges.map(deselect));
      return id;
    },

    updateNodeConfig: (nodeId: string, config: Record<string, unknown>) => {
      const nodes = state.nodes.map((node) =>
        node.id === nodeId ? { ...node, data: { ...node.data, config } } : node,
      );
      commit(nodes, state.edges);
    },

    selectNode: (nodeId: string) => {
      const nodes = state.nodes.map((node) =>
        node.id === nodeId ? { ...node, selected: true } : deselect(node),
      );
      commit(nodes, state.edges.map(deselect));
    },
  };
}

function deriveState(
  nodes: WorkflowFlowNode[],
  edges: WorkflowFlowEdge[],
  previous: EditorState | null,
): EditorState {
  const graph = toGraph(nodes, edges);
  if (previous !== null && !changesMoreThanLayout(previous, nodes, edges)) {
    return { ...previous, nodes, edges, graph };
  }

  const problems = validateGraph(graph);
  return {
    nodes,
    edges,
    graph,
    problems,
    problemTextByNode: groupByNode(problems),
    isDirty: previous?.isDirty ?? false,
  };
}

/**
 * Fingerprints graphs on every change, drags included. Configs are the costly part and keep
 * their identity until edited, so their text is cached per config object.
 */
function createFingerprinter(): (graph: Graph) => string {
  const configTexts = new WeakMap<Record<string, unknown>, string>();
  function stringifyConfig(config: Record<string, unknown>): string {
    const cached = configTexts.get(config);
    if (cached !== undefined) return cached;
    const text = stringifyCanonically(config);
    configTexts.set(config, text);
    return text;
  }
  return (graph) => graphFingerprint(graph, stringifyConfig);
}

/**
 * Dragging changes positions on every frame; validation does not depend on them, so it only
 * reruns when a node's identity or data, or the edge list, changed.
 */
function changesMoreThanLayout(
  previous: EditorState,
  nodes: readonly WorkflowFlowNode[],
  edges: readonly WorkflowFlowEdge[],
): boolean {
  if (nodes.length !== previous.nodes.length || edges.length !== previous.edges.length) return true;
  const edgesChanged = edges.some((edge, index) => {
    const before = previous.edges[index];
    return (
      before?.source !== edge.source ||
      before.target !== edge.target ||
      before.sourceHandle !== edge.sourceHandle
    );
  });
  if (edgesChanged) return true;
  return nodes.some((node, index) => {
    const before = previous.nodes[index];
    return before?.id !== node.id || before.data !== node.data;
  });
}

function groupByNode(problems: readonly GraphProblem[]): ReadonlyMap<string, string> {
  const messages = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.nodeId === undefined) continue;
    messages.set(problem.nodeId, [...(messages.get(problem.nodeId) ?? []), problem.message]);
  }
  return new Map([...messages].map(([nodeId, texts]) => [nodeId, texts.join("\n")]));
}

/** React Flow removes a deleted node's edges itself; this covers removals that come without. */
function withoutDanglingEdges(
  edges: WorkflowFlowEdge[],
  nodes: readonly WorkflowFlowNode[],
  changes: readonly NodeChange<WorkflowFlowNode>[],
): WorkflowFlowEdge[] {
  if (!changes.some((change) => change.type === "remove")) return edges;
  const nodeIds = new Set(nodes.map((node) => node.id));
  const kept = edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  return kept.length === edges.length ? edges : kept;
}

function deselect<Item extends { selected?: boolean }>(item: Item): Item {
  return item.selected ? { ...item, selected: false } : item;
}
