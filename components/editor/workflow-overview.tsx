"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { RunStatusBadge } from "@/components/runs/status-badges";
import type { RunSummaryView } from "@/lib/api/views";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { ProblemList } from "./problem-list";
import { useFocusNode } from "./use-focus-node";
import { selectProblems, selectSelectedNodeCount, useEditorStore } from "./use-editor-store";

const triggerLabels: Record<RunSummaryView["triggerKind"], string> = {
  webhook: "Webhook",
  manual: "Manual",
  schedule: "Schedule",
  step: "Step test",
};

/** The inspector with nothing selected: the workflow's problems and its recent runs. */
export function WorkflowOverview({ workflowId }: { workflowId: string }) {
  const problems = useEditorStore(selectProblems);
  const focusNode = useFocusNode();
  const selectedCount = useEditorStore(selectSelectedNodeCount);

  return (
    <div className="divide-y divide-slate-100">
      <section aria-labelledby="overview-problems" className="p-4">
        <h2 id="overview-problems" className="text-sm font-semibold text-slate-900">
          Problems
        </h2>
        {problems.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">
            None. The workflow can be activated and run.
          </p>
        ) : (
          <div className="mt-2 -mx-2">
            <ProblemList problems={problems} onFocusNode={focusNode} />
          </div>
        )}
      </section>
      <section aria-labelledby="overview-runs" className="p-4">
        <h2 id="overview-runs" className="text-sm font-semibold text-slate-900">
          Recent runs
        </h2>
        <RecentRuns workflowId={workflowId} />
      </section>
      <p className="p-4 text-xs text-slate-400">
        {selectedCount > 1
          ? `${selectedCount} steps selected. Copy, cut or delete them together, or select one to edit its settings.`
          : "Select a node to edit its settings."}
      </p>
    </div>
  );
}

function RecentRuns({ workflowId }: { workflowId: string }) {
  const { data: runs, error, isPending } = useQuery(workflowQueries.runs(workflowId));

  if (isPending) return <p className="mt-2 text-sm text-slate-400">Loading runs…</p>;
  if (error) return <p className="mt-2 text-sm text-rose-600">{error.message}</p>;
  if (runs.length === 0) {
    return (
      <p className="mt-2 text-sm text-slate-500">
        No runs yet. Add a Manual trigger and press Run, or send a request to the inbound URL.
      </p>
    );
  }
  return (
    <ul className="mt-2 -mx-2 space-y-0.5">
      {runs.map((run) => (
        <li key={run.id}>
          <RunLink run={run} />
        </li>
      ))}
    </ul>
  );
}

function RunLink({ run }: { run: RunSummaryView }) {
  return (
    <Link
      href={`/runs/${run.id}`}
      className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50"
    >
      <RunStatusBadge status={run.status} />
      <span className="text-xs text-slate-500">
        v{run.versionNumber} · {triggerLabels[run.triggerKind]}
      </span>
      <span className="ml-auto text-xs text-slate-400">
        <RelativeTime iso={run.createdAt} />
      </span>
    </Link>
  );
}
