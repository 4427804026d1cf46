"use client";

import { useQuery } from "@tanstack/react-query";
import { useCanEdit } from "@/components/shell/session-user";
import { Button } from "@/components/ui/button";
import type { WorkflowSummaryView } from "@/lib/api/views";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { EmptyWorkflows } from "./empty-workflows";
import { useLiveWorkflowUpdates } from "./use-live-workflow-updates";
import { WorkflowRow } from "./workflow-row";

const columns = ["Name", "Status", "Nodes", "Problems", "Last run", "Updated"];

/** The workspace's workflows as a table, or a first-steps panel when there are none. */
export function WorkflowList() {
  const { data: workflows, error, isPending, refetch } = useQuery(workflowQueries.list());
  useLiveWorkflowUpdates();

  if (isPending) return <ListSkeleton />;
  if (error) {
    return (
      <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm">
        <p className="font-medium text-rose-800">The workflows could not be loaded.</p>
        <p className="mt-1 text-rose-700">{error.message}</p>
        <Button className="mt-3" onClick={() => void refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (workflows.length === 0) return <EmptyWorkflows />;
  return <WorkflowTable workflows={workflows} />;
}

function WorkflowTable({ workflows }: { workflows: WorkflowSummaryView[] }) {
  const canEdit = useCanEdit();

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2.5 font-medium">
                {column}
              </th>
            ))}
            {canEdit ? (
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {workflows.map((workflow) => (
            <WorkflowRow key={workflow.id} workflow={workflow} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ListSkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading workflows"
      className="space-y-px overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex animate-pulse items-center gap-6 px-4 py-4">
          <div className="h-3 w-48 rounded bg-slate-200" />
          <div className="h-3 w-16 rounded bg-slate-100" />
          <div className="h-3 w-10 rounded bg-slate-100" />
          <div className="ml-auto h-3 w-24 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
