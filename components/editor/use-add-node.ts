"use client";

import { useReactFlow, useStoreApi, type XYPosition } from "@xyflow/react";
import { useCallback } from "react";
import type { WorkflowFlowNode } from "./flow-graph";
import { selectSelectedNodeId, useEditorStoreApi } from "./use-editor-store";

/** The drag-and-drop type palette items carry; its data is the node type, e.g. "http-request". */
export const nodeTypeMime = "application/x-switchyard-node";

/** Roughly a node card's size, so a new node is centred on the point it is placed at. */
const nodeSize = { width: 240, height: 64 };

/** Space left between a clicked-in node and the node it would otherwise cover. */
const nodeGapPx = 24;

/** Room between a selected node and the node added after it, for the edge between them. */
const followGapPx = 80;

/**
 * Adds nodes where a person means them: at a screen point (a drop), or for a click or Enter on
 * a palette item, after the one selected node (connected to it) or in the middle of the view.
 */
export function useAddNode() {
  const store = useEditorStoreApi();
  const flowStore = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  /** A drop lands exactly where the pointer let go: the person chose that spot. */
  const addAtScreenPoint = useCallback(
    (type: string, point: XYPosition) => {
      store.addNode(type, centredAt(screenToFlowPosition(point)));
    },
    [store, screenToFlowPosition],
  );

  const addAtViewCentre = useCallback(
    (type: string) => {
      const bounds = flowStore.getState().domNode?.getBoundingClientRect();
      if (bounds === undefined) return;
      const centre = screenToFlowPosition({
        x: bounds.left + bounds.width / 2,
        y: bounds.top + bounds.height / 2,
      });
      store.addNode(type, findFreeSpot(store.getState().nodes, centredAt(centre)));
    },
    [store, flowStore, screenToFlowPosition],
  );

  /** After the selected node, wired to it when that is a valid edge; else mid-view. */
  const addAfterSelection = useCallback(
    (type: string) => {
      const state = store.getState();
      const selectedId = selectSelectedNodeId(state);
      const selected = state.nodes.find((node) => node.id === selectedId);
      if (selected === undefined) return addAtViewCentre(type);

      const besideIt = {
        x: selected.position.x + nodeSize.width + followGapPx,
        y: selected.position.y,
      };
      store.addNode(type, findFreeSpot(state.nodes, besideIt), selected.id);
    },
    [store, addAtViewCentre],
  );

  return { addAtScreenPoint, addAfterSelection };
}

function centredAt(point: XYPosition): XYPosition {
  return {
    x: Math.round(point.x - nodeSize.width / 2),
    y: Math.round(point.y - nodeSize.height / 2),
  };
}

/** Nodes added from the palette by click step down below any node they would cover. */
function findFreeSpot(nodes: readonly WorkflowFlowNode[], wanted: XYPosition): XYPosition {
  const overlaps = (spot: XYPosition) =>
    nodes.some(
      (node) =>
        Math.abs(node.position.x - spot.x) < nodeSize.width &&
        Math.abs(node.position.y - spot.y) < nodeSize.height,
    );
  let position = wanted;
  for (let attempt = 0; attempt < 100 && overlaps(position); attempt += 1) {
    position = { x: position.x, y: position.y + nodeSize.height + nodeGapPx };
  }
  return position;
}
