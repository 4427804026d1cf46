"use client";

import { useId } from "react";
import { ProblemList } from "./problem-list";
import type { EditorFeedback } from "./use-editor-commands";
import { useFocusNode } from "./use-focus-node";

/** Why the last command failed, under the header until dismissed or the next command. */
export function EditorFeedbackBanner({
  feedback,
  onDismiss,
}: {
  feedback: EditorFeedback;
  onDismiss: () => void;
}) {
  const focusNode = useFocusNode();
  const titleId = useId();

  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className="shrink-0 border-b border-rose-200 bg-rose-50 px-4 py-2.5"
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p id={titleId} className="text-sm font-medium text-rose-800">
            {feedback.title}
          </p>
          {feedback.kind === "error" ? (
            <p className="mt-0.5 text-sm text-rose-700">{feedback.message}</p>
          ) : (
            <div className="mt-1 max-h-40 overflow-y-auto">
              <ProblemList problems={feedback.problems} onFocusNode={focusNode} />
            </div>
          )}
        </div>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-md px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-100"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
