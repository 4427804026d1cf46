"use client";

import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { EditorState, EditorStore } from "./editor-store";
import type { WorkflowNodeData } from "./flow-graph";

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The editor's store itself, for event handlers that read or change it without subscribing. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === null) throw new Error("useEditorStoreApi is used outside the workflow editor");
  return store;
}

/**
 * Subscribes to one slice of the editor state; the component re-renders only when the slice
 * changes. The selector must return a value that stays identical while its inputs do.
 *
 * @example
 * const problems = useEditorStore(selectProblems);
 */
export function useEditorStore<Slice>(selector: (state: EditorState) => Slice): Slice {
  const store = useEditorStoreApi();
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

export const selectNodes = (state: EditorState) => state.nodes;
export const selectEdges = (state: EditorState) => state.edges;
export const selectGraph = (state: EditorState) => state.graph;
export const selectProblems = (state: EditorState) => state.problems;

/** The id of the one selected node; null when none or several are selected. */
export function selectSelectedNodeId(state: EditorState): string | null {
  let selectedId: string | null = null;
  for (const node of state.nodes) {
    if (!node.selected) continue;
    if (selectedId !== null) return null;
    selectedId = node.id;
  }
  return selectedId;
}

/** How many nodes are selected. */
export function selectSelectedNodeCount(state: EditorState): number {
  return state.nodes.reduce((count, node) => (node.selected ? count + 1 : count), 0);
}

/**
 * The problem messages of one node, one per line; "" when it has none. It listens for problem
 * changes only, so the commits of a drag do not call every node's selector.
 */
export function useNodeProblemText(nodeId: string): string {
  const store = useEditorStoreApi();
  const read = () => store.getState().problemTextByNode.get(nodeId) ?? "";
  return useSyncExternalStore(store.subscribeToProblems, read, read);
}

/** A node's type and config; undefined once the node is gone. */
export function useNodeData(nodeId: string): WorkflowNodeData | undefined {
  return useEditorStore(
    useCallback(
      (state: EditorState) => state.nodes.find((node) => node.id === nodeId)?.data,
      [nodeId],
    ),
  );
}

export const selectIsDirty = (state: EditorState) => state.isDirty;
export const selectTravelCount = (state: EditorState) => state.travelCount;
