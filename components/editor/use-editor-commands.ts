"use client";

import { useState } from "react";
import type { WorkflowView } from "@/lib/api/views";
import {
  useActivateWorkflow,
  useDeactivateWorkflow,
  useRunManually,
  useRunStep,
  useSaveDraft,
} from "@/lib/client/workflow-queries";
import {
  readActivationProblems,
  type ReportedProblem,
} from "@/components/workflows/reported-problems";
import { useRunWithTestEvent } from "@/lib/client/inbound-queries";
import type { EditorStore } from "./editor-store";

/** What the editor reports under its header after a command failed. */
export type EditorFeedback =
  | { kind: "error"; title: string; message: string }
  | { kind: "problems"; title: string; problems: ReportedProblem[] };

export type RunOutcome =
  { ok: true; runId: string } | { ok: false; message: string; problems: ReportedProblem[] };

export type EditorCommands = ReturnType<typeof useEditorCommands>;

/**
 * The editor's commands against the API. Commands that act on the saved draft (activating,
 * running) save unsaved changes first, so they never act on a stale graph.
 */
export function useEditorCommands(workflow: WorkflowView, store: EditorStore) {
  const workflowId = workflow.id;
  const saveDraft = useSaveDraft();
  const activate = useActivateWorkflow();
  const deactivate = useDeactivateWorkflow();
  const runManually = useRunManually();
  const runWithTestEvent = useRunWithTestEvent();
  const runStep = useRunStep();
  const [feedback, setFeedback] = useState<EditorFeedback | null>(null);

  async function saveIfNeeded(): Promise<void> {
    const { graph, isDirty } = store.getState();
    if (isDirty) await saveDraft.mutateAsync({ workflowId, graph });
  }

  async function attempt(failureTitle: string, command: () => Promise<void>): Promise<void> {
    setFeedback(null);
    try {
      await command();
    } catch (error) {
      setFeedback(describeFailure(failureTitle, error));
    }
  }

  /** Saves first, like every command on the saved draft; failures become a value to show. */
  async function startRun(start: () => Promise<string>): Promise<RunOutcome> {
    try {
      await saveIfNeeded();
      return { ok: true, runId: await start() };
    } catch (error) {
      return {
        ok: false,
        message: messageOf(error),
        problems: readActivationProblems(error) ?? [],
      };
    }
  }

  return {
    feedback,
    dismissFeedback: () => setFeedback(null),
    isSaving: saveDraft.isPending,
    isSwitching: activate.isPending || deactivate.isPending,

    save: () => attempt("The draft could not be saved", saveIfNeeded),

    activate: () =>
      attempt("The workflow could not be activated", async () => {
        await saveIfNeeded();
        await activate.mutateAsync({ workflowId });
      }),

    deactivate: () =>
      attempt("The workflow could not be deactivated", async () => {
        await deactivate.mutateAsync({ workflowId });
      }),

    /** Saves if needed, then starts a run from the Manual trigger with `payload` as its body. */
    runManually: (payload: unknown): Promise<RunOutcome> =>
      startRun(() => runManually.mutateAsync({ workflowId, payload })),

    /** Saves if needed, then runs the draft with the request the test URL captured. */
    runWithTestEvent: (): Promise<RunOutcome> =>
      startRun(() => runWithTestEvent.mutateAsync({ workflowId })),

    /** Saves if needed, then tries node `nodeId` on its own with `input` as its context. */
    runStep: (nodeId: string, input: unknown): Promise<RunOutcome> =>
      startRun(() => runStep.mutateAsync({ workflowId, nodeId, input })),
  };
}

function describeFailure(title: string, error: unknown): EditorFeedback {
  const problems = readActivationProblems(error);
  if (problems !== null) return { kind: "problems", title, problems };
  return { kind: "error", title, message: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}
