"use client";

import { useEffect } from "react";
import type { EditorStore } from "./editor-store";
import { useGraphClipboard } from "./use-graph-clipboard";

/**
 * The editor's keyboard shortcuts, listed for people in `KeyboardShortcutsDialog`: undo and
 * redo, select all, copy, cut and paste of steps, and `?` for the list. Keys typed into a field
 * or a dialog keep their usual meaning there. Delete and Backspace are React Flow's own.
 */
export function useEditorShortcuts({
  store,
  canEdit,
  onShowHelp,
}: {
  store: EditorStore;
  canEdit: boolean;
  onShowHelp: () => void;
}) {
  const clipboard = useGraphClipboard(store);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = commandFor(event);
      if (command === null) return;
      if (command !== "help" && command !== "copy" && command !== "selectAll" && !canEdit) return;
      if ((command === "copy" || command === "cut") && !isCopyingSteps(store)) return;

      event.preventDefault();
      const run: Record<ShortcutCommand, () => unknown> = {
        undo: store.undo,
        redo: store.redo,
        selectAll: store.selectAll,
        copy: clipboard.copy,
        cut: clipboard.cut,
        paste: clipboard.paste,
        help: onShowHelp,
      };
      void run[command]();
    }

    // Leaving a field ends its typing entry, so undo takes back one field at a time.
    const onFocusIn = () => store.closeHistoryGroup();

    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("focusin", onFocusIn);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("focusin", onFocusIn);
    };
  }, [store, canEdit, onShowHelp, clipboard]);
}

type ShortcutCommand = "undo" | "redo" | "selectAll" | "copy" | "cut" | "paste" | "help";

function commandFor(event: KeyboardEvent): ShortcutCommand | null {
  if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey) return "help";
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;

  switch (event.key.toLowerCase()) {
    case "z":
      return event.shiftKey ? "redo" : "undo";
    case "y":
      return "redo";
    case "a":
      return "selectAll";
    case "c":
      return "copy";
    case "x":
      return "cut";
    case "v":
      return "paste";
    default:
      return null;
  }
}

/** Ctrl+C copies steps when some are selected and no page text is; otherwise the text. */
function isCopyingSteps(store: EditorStore): boolean {
  const hasSelectedText = !(window.getSelection()?.isCollapsed ?? true);
  return !hasSelectedText && store.getState().nodes.some((node) => node.selected);
}

/** Fields, editable text and open dialogs, where keys belong to what has focus. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("dialog") !== null) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
