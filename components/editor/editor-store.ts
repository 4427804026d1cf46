import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from "@xyflow/react";
import {
  checkConnection,
  type ConnectionCheck,
  type ProposedConnection,
} from "@/lib/workflow/check-connection";
import {
  createClipboardPayload,
  type GraphFragment,
  type OmittedSecret,
} from "@/lib/workflow/clipboard-payload";
import type { Graph } from "@/lib/workflow/graph";
import { isRecord } from "@/lib/workflow/is-record";
import { layOutLayers } from "@/lib/workflow/layered-layout";
import { nextNodeId } from "@/lib/workflow/next-node-id";
import { getNodeType, isTriggerType } from "@/lib/workflow/node-types";
import { remapNodeIds } from "@/lib/workflow/remap-node-ids";
import { validateGraph, type GraphProblem } from "@/lib/workflow/validate-graph";
import {
  closeGroup,
  emptyHistory,
  recordChange,
  redo,
  undo,
  type History,
  type HistoryStep,
} from "./editor-history";
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
  canUndo: boolean;
  canRedo: boolean;
  /** Counts undos and redos, so forms that keep their own text can start over from the graph. */
  travelCount: number;
  /** A short message about the last edit, such as why a connection was refused. */
  notice: EditorNotice | null;
};

/** A passing message over the canvas; `key` tells two notices with the same text apart. */
export type EditorNotice = { key: number; text: string };

/** What undo and redo restore: the canvas's nodes and edges, selection included. */
type Snapshot = { nodes: WorkflowFlowNode[]; edges: WorkflowFlowEdge[] };

/** The size auto-layout leaves for a node card, and the room between cards. */
const layoutSpacing = { nodeWidth: 240, nodeHeight: 64, columnGap: 90, rowGap: 48 };

/**
 * The editor's working copy of a workflow graph, outside React so that components subscribe to
 * the one slice they show: a node to its own problems, the inspector to the selected node.
 */
export type EditorStore = ReturnType<typeof createEditorStore>;

export function createEditorStore(savedGraph: Graph) {
  const fingerprint = createFingerprinter();
  let savedFingerprint = fingerprint(savedGraph);
  let state = deriveState(toFlowNodes(savedGraph), toFlowEdges(savedGraph), null);
  let history: History<Snapshot> = emptyHistory();
  let noticeCount = 0;
  const listeners = new Set<() => void>();
  // Every node card shows its own problems. Telling them only when problems change keeps a drag,
  // which commits on every frame, from waking hundreds of cards that have nothing to redraw.
  const problemListeners = new Set<() => void>();

  function commit(nodes: WorkflowFlowNode[], edges: WorkflowFlowEdge[]) {
    const previousProblems = state.problemTextByNode;
    const derived = deriveState(nodes, edges, state);
    state = {
      ...derived,
      isDirty: fingerprint(derived.graph) !== savedFingerprint,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
    };
    for (const listener of listeners) listener();
    if (state.problemTextByNode === previousProblems) return;
    for (const listener of problemListeners) listener();
  }

  /** Commits a change to the graph as an undoable entry, or as part of the open `group`. */
  function change(nodes: WorkflowFlowNode[], edges: WorkflowFlowEdge[], group?: string) {
    history = recordChange(history, { nodes: state.nodes, edges: state.edges }, group ?? null);
    commit(nodes, edges);
  }

  /** Groups the changes of one task: React Flow deletes edges and nodes in two calls. */
  function changeInThisTask(nodes: WorkflowFlowNode[], edges: WorkflowFlowEdge[]) {
    change(nodes, edges, "remove");
    queueMicrotask(closeHistoryGroup);
  }

  function closeHistoryGroup() {
    history = closeGroup(history);
  }

  function travel(step: HistoryStep<Snapshot> | null) {
    if (step === null) return;
    history = step.history;
    state = { ...state, travelCount: state.travelCount + 1 };
    commit(step.snapshot.nodes, step.snapshot.edges);
  }

  function explainConnection(connection: ProposedConnection): ConnectionCheck {
    return checkConnection(state.graph.nodes, state.edges, connection);
  }

  function notify(text: string) {
    noticeCount += 1;
    state = { ...state, notice: { key: noticeCount, text } };
    for (const listener of listeners) listener();
  }

  function removeNodes(nodeIds: ReadonlySet<string>) {
    const nodes = state.nodes.filter((node) => !nodeIds.has(node.id));
    const edges = state.edges.filter(
      (edge) => !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    );
    change(nodes, edges);
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

    /** Like `subscribe`, for changes of `problemTextByNode` only. */
    subscribeToProblems: (listener: () => void): (() => void) => {
      problemListeners.add(listener);
      return () => {
        problemListeners.delete(listener);
      };
    },

    /**
     * React Flow's node changes. Selection and measuring are not edits; removals of one task
     * are one entry, and so are the position changes of one drag, up to the drop.
     */
    applyNodeChanges: (changes: NodeChange<WorkflowFlowNode>[]) => {
      const nodes = applyNodeChanges(changes, state.nodes);
      const edges = withoutDanglingEdges(state.edges, nodes, changes);
      if (changes.some((item) => item.type === "remove")) return changeInThisTask(nodes, edges);

      const moves = changes.filter((item) => item.type === "position");
      if (moves.length > 0) {
        change(nodes, edges, "move");
        if (moves.some((item) => !item.dragging)) closeHistoryGroup();
        return;
      }
      if (changes.some((item) => item.type === "add" || item.type === "replace")) {
        return change(nodes, edges);
      }
      commit(nodes, edges);
    },

    applyEdgeChanges: (changes: EdgeChange<WorkflowFlowEdge>[]) => {
      const edges = applyEdgeChanges(changes, state.edges);
      if (changes.every((item) => item.type === "select")) return commit(state.nodes, edges);
      changeInThisTask(state.nodes, edges);
    },

    /** Whether an edge may be drawn, as `checkConnection` decides; see `explainConnection`. */
    canConnect: (connection: ProposedConnection): boolean => explainConnection(connection).ok,

    explainConnection,

    connect: (connection: Connection) => {
      if (!explainConnection(connection).ok) return;
      change(state.nodes, [...state.edges, flowEdgeFor(connection)]);
    },

    /**
     * Adds a node of a registry type with its default config and selects it; returns its id.
     * With `connectFrom`, the new node also gets an edge from that node, in the same entry.
     */
    addNode: (type: string, position: XYPosition, connectFrom?: string): string | null => {
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
      const edges = state.edges.map(deselect);
      const nodes = [...state.nodes.map(deselect), node];
      const link = connectFrom === undefined ? null : linkFrom(nodes, connectFrom, id);
      const canLink = link !== null && checkConnection(toGraph(nodes, edges).nodes, edges, link).ok;
      change(nodes, canLink ? [...edges, flowEdgeFor(link)] : edges);
      return id;
    },

    /** Typing into one field makes one entry, until focus moves (see `closeHistoryGroup`). */
    updateNodeConfig: (nodeId: string, config: Record<string, unknown>) => {
      const before = state.nodes.find((node) => node.id === nodeId)?.data.config ?? {};
      const nodes = state.nodes.map((node) =>
        node.id === nodeId ? { ...node, data: { ...node.data, config } } : node,
      );
      change(nodes, state.edges, `config:${nodeId}:${changedKeys(before, config)}`);
    },

    /** Ends the open group of changes, e.g. when focus leaves a field. */
    closeHistoryGroup,

    undo: () => travel(undo(history, { nodes: state.nodes, edges: state.edges })),

    redo: () => travel(redo(history, { nodes: state.nodes, edges: state.edges })),

    selectNode: (nodeId: string) => {
      const nodes = state.nodes.map((node) =>
        node.id === nodeId ? { ...node, selected: true } : deselect(node),
      );
      commit(nodes, state.edges.map(deselect));
    },

    selectAll: () => {
      const select = <Item extends { selected?: boolean }>(item: Item): Item =>
        item.selected ? item : { ...item, selected: true };
      commit(state.nodes.map(select), state.edges.map(select));
    },

    /** The clipboard text for the selected nodes; null when none is selected. */
    copySelection: (): string | null => createClipboardPayload(state.graph, selectedIds(state)),

    /** Removes the selected nodes and their edges as one entry. */
    removeSelection: () => removeNodes(new Set(selectedIds(state))),

    /**
     * Adds a copied fragment with fresh ids, moved by `offset`, as the new selection; returns
     * the secrets that were left out of it, under the new ids.
     */
    paste: (fragment: GraphFragment, offset: XYPosition): OmittedSecret[] => {
      const placed = remapNodeIds(fragment, state.graph, offset, (edge) =>
        edgeIdFor(edge.source, edge.target, edge.sourceHandle),
      );
      const pastedNodes = toFlowNodes({ nodes: placed.nodes, edges: [] }).map((node) => ({
        ...node,
        selected: true,
      }));
      const nodes = [...state.nodes.map(deselect), ...pastedNodes];
      change(nodes, [
        ...state.edges.map(deselect),
        ...toFlowEdges({ nodes: [], edges: placed.edges }),
      ]);
      return placed.omittedSecrets;
    },

    /** Lays the graph out in columns from its triggers (see `layOutLayers`), as one entry. */
    layOut: () => {
      const layoutNodes = state.nodes.map((node) => ({
        id: node.id,
        position: node.position,
        isTrigger: isTriggerType(node.data.nodeType),
      }));
      const positions = layOutLayers(layoutNodes, state.edges, layoutSpacing);
      const nodes = state.nodes.map((node) => ({
        ...node,
        position: positions.get(node.id) ?? node.position,
      }));
      change(nodes, state.edges);
    },

    /**
     * Replaces the whole working graph, e.g. with a restored version, as one entry that undo
     * takes back. Forms start over from the new graph, as they do after an undo.
     */
    replaceGraph: (graph: Graph) => {
      closeHistoryGroup();
      history = recordChange(history, { nodes: state.nodes, edges: state.edges });
      state = { ...state, travelCount: state.travelCount + 1 };
      commit(toFlowNodes(graph), toFlowEdges(graph));
    },

    notify,
  };
}

function flowEdgeFor(connection: ProposedConnection): WorkflowFlowEdge {
  const { source, target, sourceHandle } = connection;
  return toFlowEdge({
    id: edgeIdFor(source, target, sourceHandle),
    source,
    target,
    ...(sourceHandle ? { sourceHandle } : {}),
  });
}

/**
 * The edge that links a node added after `source`: from its first labelled output when it has
 * some (a Condition's `true`), so the new edge is valid as drawn.
 */
function linkFrom(nodes: readonly WorkflowFlowNode[], source: string, target: string) {
  const sourceNode = nodes.find((node) => node.id === source);
  const firstOutput = sourceNode
    ? getNodeType(sourceNode.data.nodeType)?.outputHandles?.[0]
    : undefined;
  return firstOutput ? { source, target, sourceHandle: firstOutput.id } : { source, target };
}

function selectedIds(state: EditorState): string[] {
  return state.nodes.filter((node) => node.selected).map((node) => node.id);
}

/** The config keys whose values differ, sorted and joined: which field a change typed into. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => before[key] !== after[key])
    .sort()
    .join(",");
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
    canUndo: previous?.canUndo ?? false,
    canRedo: previous?.canRedo ?? false,
    travelCount: previous?.travelCount ?? 0,
    notice: previous?.notice ?? null,
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
    return before?.source !== edge.source || before.target !== edge.target;
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
