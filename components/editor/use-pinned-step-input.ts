"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Pinned inputs are kept in this browser, one entry per workflow and node. */
const keyPrefix = "switchyard.step-input";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The input a person pinned for trying one step, as the text they wrote, or null when they
 * have not pinned one and the step takes the sample data. Kept in this browser's storage, so
 * it outlasts a reload but is not shared with teammates; when storage is unavailable the pin
 * lasts only until the inspector closes.
 */
export function usePinnedStepInput(workflowId: string, nodeId: string) {
  const key = `${keyPrefix}:${workflowId}:${nodeId}`;
  const pinned = useSyncExternalStore(
    subscribe,
    () => readStorage(key),
    () => null,
  );

  const write = useCallback(
    (text: string | null) => {
      try {
        if (text === null) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, text);
      } catch {
        // Storage is full or blocked; the pin simply does not outlast this view.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );

  return { pinned, pin: write, unpin: useCallback(() => write(null), [write]) };
}
