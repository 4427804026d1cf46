"use client";

import { useCallback, useRef } from "react";
import { parseClipboardPayload, type OmittedSecret } from "@/lib/workflow/clipboard-payload";
import { describeConfigFields } from "@/lib/workflow/config-fields";
import type { EditorStore } from "./editor-store";

/** Browsers offer the clipboard to pages served over HTTPS or from localhost only. */
const insecureOriginMessage =
  "Copy and paste of steps need the editor on HTTPS or localhost; this browser keeps the clipboard from other pages.";

/** How far each paste of the same text lands from the one before, so copies do not stack. */
const pasteStepPx = 40;

/**
 * Copy, cut and paste of selected steps through the system clipboard, so they move between
 * workflows and browser tabs. The text is a versioned JSON payload; text that is not one of
 * ours is left alone on paste.
 */
export function useGraphClipboard(store: EditorStore) {
  const lastPaste = useRef({ text: "", count: 0 });

  const copy = useCallback(
    async (isCut: boolean) => {
      const text = store.copySelection();
      if (text === null) return;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        store.notify(clipboardRefusal("writing to"));
        return;
      }
      lastPaste.current = { text, count: 0 };
      const count = store.getState().nodes.filter((node) => node.selected).length;
      if (isCut) store.removeSelection();
      store.notify(`${isCut ? "Cut" : "Copied"} ${count} ${count === 1 ? "step" : "steps"}.`);
    },
    [store],
  );

  const paste = useCallback(async () => {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      store.notify(clipboardRefusal("reading"));
      return;
    }
    const fragment = parseClipboardPayload(text);
    if (fragment === null) return;

    const count = lastPaste.current.text === text ? lastPaste.current.count + 1 : 1;
    lastPaste.current = { text, count };
    const offset = { x: pasteStepPx * count, y: pasteStepPx * count };
    const omitted = store.paste(fragment, offset);
    const pasted = `Pasted ${fragment.nodes.length} ${fragment.nodes.length === 1 ? "step" : "steps"}.`;
    store.notify(omitted.length === 0 ? pasted : `${pasted} ${describeOmitted(store, omitted)}`);
  }, [store]);

  return {
    copy: useCallback(() => copy(false), [copy]),
    cut: useCallback(() => copy(true), [copy]),
    paste,
  };
}

function clipboardRefusal(access: "reading" | "writing to"): string {
  if (!window.isSecureContext) return insecureOriginMessage;
  return `The browser did not allow ${access} the clipboard.`;
}

/** "Secrets are not copied: fill in Signing secret of send2." */
function describeOmitted(store: EditorStore, omitted: readonly OmittedSecret[]): string {
  const nodes = store.getState().nodes;
  const names = omitted.map(({ nodeId, field }) => {
    const nodeType = nodes.find((node) => node.id === nodeId)?.data.nodeType ?? "";
    const label = describeConfigFields(nodeType).find((spec) => spec.name === field)?.label;
    return `${label ?? field} of ${nodeId}`;
  });
  return `Secrets are not copied: fill in ${names.join(", ")}.`;
}
