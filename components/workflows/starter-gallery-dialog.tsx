"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useCreateWorkflow } from "@/lib/client/workflow-queries";
import { workflowStarters, type WorkflowStarter } from "@/lib/workflow/workflow-starters";

/**
 * The template gallery: each starter with what it does and its steps. Choosing one creates an
 * inactive workflow named after it and opens the editor.
 */
export function StarterGalleryDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const createWorkflow = useCreateWorkflow();
  const isBusy = createWorkflow.isPending || createWorkflow.isSuccess;

  function choose(starter: WorkflowStarter) {
    createWorkflow.mutate(
      { name: starter.title, starter: starter.id },
      { onSuccess: (workflow) => router.push(`/workflows/${workflow.id}`) },
    );
  }

  return (
    <Modal title="New workflow from a template" size="2xl" onClose={onClose}>
      <p className="text-sm text-slate-600">
        Each template is a complete workflow with placeholder hosts under example.com. Replace them
        with your own, then activate it.
      </p>
      <ul className="space-y-3">
        {workflowStarters.map((starter) => (
          <StarterCard
            key={starter.id}
            starter={starter}
            isDisabled={isBusy}
            isChosen={isBusy && createWorkflow.variables?.starter === starter.id}
            onChoose={() => choose(starter)}
          />
        ))}
      </ul>
      {createWorkflow.error ? (
        <p role="alert" className="text-sm text-rose-600">
          {createWorkflow.error.message}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Modal>
  );
}

function StarterCard({
  starter,
  isDisabled,
  isChosen,
  onChoose,
}: {
  starter: WorkflowStarter;
  isDisabled: boolean;
  isChosen: boolean;
  onChoose: () => void;
}) {
  const titleId = `starter-${starter.id}-title`;
  return (
    <li
      aria-labelledby={titleId}
      className="flex items-start gap-4 rounded-lg border border-slate-200 p-4"
    >
      <div className="min-w-0 flex-1">
        <h3 id={titleId} className="text-sm font-semibold text-slate-900">
          {starter.title}
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">{starter.description}</p>
        <ol aria-label="Steps" className="mt-2 flex flex-wrap items-center gap-1 text-xs">
          {starter.steps.map((step, index) => (
            <li key={step} className="flex items-center gap-1">
              {index > 0 ? (
                <span aria-hidden className="text-slate-400">
                  →
                </span>
              ) : null}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{step}</span>
            </li>
          ))}
        </ol>
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer">Example event</summary>
          <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px]">
            {JSON.stringify(starter.sampleEvent, null, 2)}
          </pre>
        </details>
      </div>
      <Button
        variant="primary"
        className="shrink-0"
        disabled={isDisabled}
        aria-label={`Use template ${starter.title}`}
        onClick={onChoose}
      >
        {isChosen ? "Creating…" : "Use template"}
      </Button>
    </li>
  );
}
