import type { Metadata } from "next";
import { ImportWorkflowButton } from "@/components/workflows/import-workflow-button";
import { NewFromTemplateButton } from "@/components/workflows/new-from-template-button";
import { NewWorkflowButton } from "@/components/workflows/new-workflow-button";
import { WorkflowList } from "@/components/workflows/workflow-list";

export const metadata: Metadata = { title: "Workflows · Switchyard" };

export default function WorkflowsPage() {
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-6xl px-6 py-8">
        <header className="mb-6 flex items-end justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Workflows</h1>
            <p className="mt-1 text-sm text-slate-500">
              Each workflow has its own inbound URL and runs its steps whenever an event arrives.
            </p>
          </div>
          <div className="flex items-center gap-2">
            <ImportWorkflowButton />
            <NewFromTemplateButton />
            <NewWorkflowButton isHiddenWhileEmpty />
          </div>
        </header>
        <WorkflowList />
      </div>
    </div>
  );
}
