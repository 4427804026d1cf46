"use client";

import { useCanEdit } from "@/components/shell/session-user";
import { NewWorkflowButton } from "./new-workflow-button";

const firstSteps = [
  "Create a workflow and give it a name.",
  "Drag a Webhook trigger or a Manual trigger onto the canvas.",
  "Add HTTP requests and Send webhook steps after it, and connect them.",
  "Activate it: requests to its inbound URL start runs.",
];

/** What a newcomer sees before the first workflow exists: what to do, in order. */
export function EmptyWorkflows() {
  const canEdit = useCanEdit();

  return (
    <section
      aria-labelledby="empty-workflows-title"
      className="rounded-xl border border-dashed border-slate-300 bg-white px-8 py-12 text-center"
    >
      <div
        aria-hidden
        className="mx-auto mb-4 flex h-12 w-12 items-center justify-center rounded-xl bg-indigo-50 text-xl text-indigo-600"
      >
        ⇄
      </div>
      <h2 id="empty-workflows-title" className="text-base font-semibold text-slate-900">
        No workflows yet
      </h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        A workflow receives an event, calls your APIs and sends signed webhooks, with every request
        recorded in the delivery log.
      </p>
      {canEdit ? (
        <>
          <ol className="mx-auto mt-6 max-w-sm space-y-2 text-left text-sm text-slate-700">
            {firstSteps.map((step, index) => (
              <li key={step} className="flex gap-3">
                <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-medium text-slate-600">
                  {index + 1}
                </span>
                {step}
              </li>
            ))}
          </ol>
          <div className="mt-6 flex justify-center">
            <NewWorkflowButton />
          </div>
        </>
      ) : (
        <p className="mt-4 text-sm text-slate-500">
          You can view workflows here once an editor or admin creates one.
        </p>
      )}
    </section>
  );
}
