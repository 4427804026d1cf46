"use client";

import { Panel, useReactFlow } from "@xyflow/react";
import type { ReactNode } from "react";
import { useEditorStore, useEditorStoreApi } from "./use-editor-store";
import type { EditorState } from "./editor-store";

const selectCanUndo = (state: EditorState) => state.canUndo;
const selectCanRedo = (state: EditorState) => state.canRedo;
const selectHasNodes = (state: EditorState) => state.nodes.length > 0;

const fitOptions = { padding: 0.25, maxZoom: 1, duration: 300 };

/** Undo, redo, auto-layout, zoom to fit and the shortcut list, over the canvas's top left. */
export function CanvasToolbar({
  canEdit,
  onShowShortcuts,
}: {
  canEdit: boolean;
  onShowShortcuts: () => void;
}) {
  const store = useEditorStoreApi();
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);
  const hasNodes = useEditorStore(selectHasNodes);
  const { fitView } = useReactFlow();

  function layOut() {
    store.layOut();
    // The new positions reach React Flow on the next render; fit to them, not the old ones.
    requestAnimationFrame(() => void fitView(fitOptions));
  }

  return (
    <Panel position="top-left">
      <div
        role="toolbar"
        aria-label="Canvas tools"
        className="flex items-center gap-0.5 rounded-lg border border-slate-200 bg-white p-1 shadow-sm"
      >
        {canEdit ? (
          <>
            <ToolButton label="Undo" shortcut="Ctrl+Z" onClick={store.undo} disabled={!canUndo}>
              <path d="M9 14 4 9l5-5" />
              <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
            </ToolButton>
            <ToolButton
              label="Redo"
              shortcut="Ctrl+Shift+Z"
              onClick={store.redo}
              disabled={!canRedo}
            >
              <path d="m15 14 5-5-5-5" />
              <path d="M20 9H10a6 6 0 0 0 0 12h3" />
            </ToolButton>
            <Divider />
            <ToolButton label="Auto-layout" onClick={layOut} disabled={!hasNodes}>
              <rect x="3" y="4" width="6" height="5" rx="1" />
              <rect x="15" y="3" width="6" height="5" rx="1" />
              <rect x="15" y="16" width="6" height="5" rx="1" />
              <path d="M9 6.5h3v12h3M12 5.5h3" />
            </ToolButton>
          </>
        ) : null}
        <ToolButton
          label="Zoom to fit"
          onClick={() => void fitView(fitOptions)}
          disabled={!hasNodes}
        >
          <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
        </ToolButton>
        <Divider />
        <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={onShowShortcuts}>
          <rect x="2.5" y="6" width="19" height="12" rx="2" />
          <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
        </ToolButton>
      </div>
    </Panel>
  );
}

function ToolButton({
  label,
  shortcut,
  onClick,
  disabled = false,
  children,
}: {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut?.replace("Ctrl", "Control")}
      title={shortcut === undefined ? label : `${label} (${shortcut})`}
      onClick={onClick}
      disabled={disabled}
      className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
    </button>
  );
}

function Divider() {
  return <span aria-hidden className="mx-0.5 h-5 w-px bg-slate-200" />;
}
