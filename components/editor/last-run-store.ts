"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { RunView, StepStatus, StepView } from "@/lib/api/views";
import { findNodeStep, indexStepsByNode, previewStepOutcome } from "./last-run-steps";

/**
 * The workflow's latest run, held outside React so each canvas card can subscribe to its own
 * node's status: a run update then re-renders only the cards whose status changed.
 */
export type LastRunStore = {
  subscribe: (listener: () => void) => () => void;
  getStepsByNode: () => ReadonlyMap<string, StepView>;
  /** The one-line outcome of a step, worked out once per run update; see `previewStepOutcome`. */
  getPreview: (step: StepView) => string | null;
  setRun: (run: RunView | null) => void;
};

const noSteps: ReadonlyMap<string, StepView> = new Map();

export function createLastRunStore(): LastRunStore {
  const listeners = new Set<() => void>();
  let stepsByNode = noSteps;
  let previews = new WeakMap<StepView, string | null>();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getStepsByNode: () => stepsByNode,
    getPreview(step) {
      if (!previews.has(step)) previews.set(step, previewStepOutcome(step));
      return previews.get(step) ?? null;
    },
    setRun(run) {
      stepsByNode = run === null ? noSteps : indexStepsByNode(run.steps);
      previews = new WeakMap();
      for (const listener of listeners) listener();
    },
  };
}

export const LastRunStoreContext = createContext<LastRunStore | null>(null);

const noSubscription = () => () => {};
const noStatus = () => null;

/**
 * The status of a node's step in the workflow's latest run; null when the node took no part in
 * it, or outside the editor. A string, so a card re-renders only when its own status changes.
 *
 * @example
 * const status = useNodeRunStatus(id, data.nodeType);
 */
export function useNodeRunStatus(nodeId: string, nodeType: string): StepStatus | null {
  const store = useContext(LastRunStoreContext);
  const read =
    store === null
      ? noStatus
      : () => findNodeStep(store.getStepsByNode(), { id: nodeId, nodeType })?.status ?? null;
  return useSyncExternalStore(store?.subscribe ?? noSubscription, read, read);
}

/**
 * One line on what a node's step gave in the latest run: its output, or why it failed. Null
 * while it has not ended, when it took no part, or outside the editor.
 *
 * @example
 * const preview = useNodeRunPreview(id, data.nodeType);
 */
export function useNodeRunPreview(nodeId: string, nodeType: string): string | null {
  const store = useContext(LastRunStoreContext);
  const read =
    store === null
      ? noStatus
      : () => {
          const step = findNodeStep(store.getStepsByNode(), { id: nodeId, nodeType });
          return step === undefined ? null : store.getPreview(step);
        };
  return useSyncExternalStore(store?.subscribe ?? noSubscription, read, read);
}
