"use client";

import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useStore,
  type DefaultEdgeOptions,
  type FinalConnectionState,
  type NodeTypes,
  type ReactFlowState,
} from "@xyflow/react";
import { useCallback, useMemo, useState, type DragEvent } from "react";
import { getNodeType } from "@/lib/workflow/node-types";
import { CanvasToolbar } from "./canvas-toolbar";
import { EditorNoticeToast } from "./editor-notice";
import type { EditorStore } from "./editor-store";
import type { WorkflowFlowEdge, WorkflowFlowNode } from "./flow-graph";
import { KeyboardShortcutsDialog } from "./keyboard-shortcuts";
import { nodeTypeMime, useAddNode } from "./use-add-node";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { selectEdges, selectNodes, useEditorStore, useEditorStoreApi } from "./use-editor-store";
import { WorkflowNode } from "./workflow-node";

const nodeTypes: NodeTypes = { workflow: WorkflowNode };

const edgeColour = "#94a3b8";

const defaultEdgeOptions: DefaultEdgeOptions = {
  type: "smoothstep",
  style: { strokeWidth: 1.5 },
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: edgeColour },
};

/** Delete as well as Backspace: people reach for either to remove what they selected. */
const deleteKeys = ["Backspace", "Delete"];

/** Shift adds to the selection as in most editors; Ctrl and Cmd are React Flow's own. */
const multiSelectionKeys = ["Shift", "Control", "Meta"];

const fitViewOptions = { padding: 0.25, maxZoom: 1 };

/**
 * Below this zoom a card's 14 px text is under 6 px on screen and cannot be read; the cards then
 * drop their text (see `WorkflowNode`), which on a canvas of hundreds of cards takes most of the
 * browser's work out of every frame of a drag or a pan.
 */
const minDetailZoom = 0.4;

const selectIsZoomedOut = (state: ReactFlowState) => state.transform[2] < minDetailZoom;

function miniMapColour(node: WorkflowFlowNode): string {
  return getNodeType(node.data.nodeType)?.category === "trigger" ? "#6ee7b7" : "#a5b4fc";
}

/** The React Flow canvas over the editor's working graph. Viewers can look, select and pan. */
export function WorkflowCanvas({ canEdit }: { canEdit: boolean }) {
  const store = useEditorStoreApi();
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const { addAtScreenPoint } = useAddNode();
  // Fitting an empty canvas would refit once the first node arrives and make it jump.
  const [hasInitialNodes] = useState(() => store.getState().nodes.length > 0);
  const [isShowingShortcuts, setIsShowingShortcuts] = useState(false);
  const showShortcuts = useCallback(() => setIsShowingShortcuts(true), []);
  useEditorShortcuts({ store, canEdit, onShowHelp: showShortcuts });
  // React Flow copies a changed handler into its store, which wakes every node and edge; a drag
  // re-renders this component on every frame, so the handler must keep its identity.
  const explainRefusalOf = useCallback(
    (_event: unknown, connection: FinalConnectionState) => explainRefusal(store, connection),
    [store],
  );
  const hasNodes = nodes.length > 0;
  const isZoomedOut = useStore(selectIsZoomedOut);
  // The same elements on every render, so the frames of a drag do not redraw the canvas's chrome.
  const chrome = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <CanvasToolbar canEdit={canEdit} onShowShortcuts={showShortcuts} />
        <Controls showInteractive={false} showFitView={false} />
        {hasNodes ? (
          <MiniMap<WorkflowFlowNode>
            pannable
            zoomable
            nodeColor={miniMapColour}
            nodeStrokeWidth={0}
            maskColor="rgba(241, 245, 249, 0.7)"
            ariaLabel="Minimap"
          />
        ) : null}
      </>
    ),
    [canEdit, showShortcuts, hasNodes],
  );

  function allowPaletteDrop(event: DragEvent) {
    if (!canEdit || !event.dataTransfer.types.includes(nodeTypeMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }

  function dropPaletteItem(event: DragEvent) {
    const type = event.dataTransfer.getData(nodeTypeMime);
    if (!canEdit || type === "") return;
    event.preventDefault();
    addAtScreenPoint(type, { x: event.clientX, y: event.clientY });
  }

  return (
    <>
      <ReactFlow<WorkflowFlowNode, WorkflowFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={store.applyNodeChanges}
        onEdgesChange={store.applyEdgeChanges}
        onConnect={store.connect}
        onConnectEnd={explainRefusalOf}
        isValidConnection={store.canConnect}
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        deleteKeyCode={canEdit ? deleteKeys : null}
        multiSelectionKeyCode={multiSelectionKeys}
        defaultEdgeOptions={defaultEdgeOptions}
        onDragOver={allowPaletteDrop}
        onDrop={dropPaletteItem}
        fitView={hasInitialNodes}
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        aria-label="Workflow canvas"
        className="group/canvas"
        data-detail={isZoomedOut ? "outline" : "full"}
      >
        {chrome}
      </ReactFlow>
      {hasNodes ? null : <EmptyCanvasHint canEdit={canEdit} />}
      <EditorNoticeToast />
      {isShowingShortcuts ? (
        <KeyboardShortcutsDialog onClose={() => setIsShowingShortcuts(false)} />
      ) : null}
    </>
  );
}

/**
 * Says why a connection dropped on a step was refused. A drop between two outputs or two
 * inputs is refused by React Flow itself and needs no words.
 */
function explainRefusal(store: EditorStore, connection: FinalConnectionState) {
  const { isValid, fromNode, fromHandle, toNode, toHandle } = connection;
  if (isValid !== false || fromNode === null || toNode === null) return;
  const isFromOutput = fromHandle.type === "source";
  const check = store.explainConnection({
    source: isFromOutput ? fromNode.id : toNode.id,
    target: isFromOutput ? toNode.id : fromNode.id,
    sourceHandle: isFromOutput ? fromHandle.id : toHandle?.id,
  });
  if (!check.ok) store.notify(check.message);
}

function EmptyCanvasHint({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
      <div className="max-w-xs rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center backdrop-blur-sm">
        <p className="text-sm font-medium text-slate-800">This workflow is empty</p>
        <p className="mt-1 text-sm text-slate-500">
          {canEdit
            ? "Drag a Webhook trigger or a Manual trigger here from the left, then add steps after it."
            : "An editor has not added any steps yet."}
        </p>
      </div>
    </div>
  );
}
