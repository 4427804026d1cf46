"use client";

import Link from "next/link";
import { useState } from "react";
import type { WorkflowSummaryView } from "@/lib/api/views";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  useActivateWorkflow,
  useDeactivateWorkflow,
  useRenameWorkflow,
} from "@/lib/client/workflow-queries";
import { ActivityBadge } from "./activity-badge";
import { DeleteWorkflowDialog } from "./delete-workflow-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { countProblems, readActivationProblems } from "./reported-problems";
import { RunStatusBadge } from "@/components/runs/status-badges";
import { WorkflowNameDialog } from "./workflow-name-dialog";

type OpenDialog = "rename" | "delete" | null;

const cellClass = "px-4 py-3 align-middle";

export function WorkflowRow({
  workflow,
  canEdit,
}: {
  workflow: WorkflowSummaryView;
  canEdit: boolean;
}) {
  const editorHref = `/workflows/${workflow.id}`;

  return (
    <tr className="border-t border-slate-100 hover:bg-slate-50/70">
      <td className={cellClass}>
        <Link href={editorHref} className="font-medium text-slate-900 hover:text-indigo-600">
          {workflow.name}
        </Link>
      </td>
      <td className={cellClass}>
        <ActivityBadge isActive={workflow.isActive} />
      </td>
      <td className={`${cellClass} tabular-nums text-slate-700`}>{workflow.nodeCount}</td>
      <td className={cellClass}>
        {workflow.problemCount === 0 ? (
          <span className="text-slate-400">None</span>
        ) : (
          <Badge tone="amber">{countProblems(workflow.problemCount)}</Badge>
        )}
      </td>
      <td className={cellClass}>
        {workflow.lastRun ? (
          <Link
            href={`/runs/${workflow.lastRun.id}`}
            className="inline-flex items-center gap-2 text-slate-500 hover:text-indigo-600"
          >
            <RunStatusBadge status={workflow.lastRun.status} />
            <span className="text-xs">v{workflow.lastRun.versionNumber}</span>
            <RelativeTime iso={workflow.lastRun.createdAt} />
          </Link>
        ) : (
          <span className="text-slate-400">Never run</span>
        )}
      </td>
      <td className={`${cellClass} text-slate-500`}>
        <RelativeTime iso={workflow.updatedAt} />
      </td>
      {canEdit ? <RowActions workflow={workflow} /> : null}
    </tr>
  );
}

function RowActions({ workflow }: { workflow: WorkflowSummaryView }) {
  const [openDialog, setOpenDialog] = useState<OpenDialog>(null);
  const renameWorkflow = useRenameWorkflow();
  const activate = useActivateWorkflow();
  const deactivate = useDeactivateWorkflow();
  const toggle = workflow.isActive ? deactivate : activate;
  const toggleLabel = workflow.isActive ? "Deactivate" : "Activate";
  const activationProblems = readActivationProblems(activate.error);

  function closeDialog() {
    setOpenDialog(null);
    renameWorkflow.reset();
  }

  return (
    <td className={`${cellClass} text-right`}>
      <div className="flex justify-end gap-1">
        <Button
          variant="ghost"
          aria-label={`Rename ${workflow.name}`}
          onClick={() => setOpenDialog("rename")}
        >
          Rename
        </Button>
        <Button
          variant="ghost"
          aria-label={`${toggleLabel} ${workflow.name}`}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ workflowId: workflow.id })}
        >
          {toggleLabel}
        </Button>
        <Button
          variant="ghost"
          aria-label={`Delete ${workflow.name}`}
          onClick={() => setOpenDialog("delete")}
        >
          Delete
        </Button>
      </div>
      {toggle.error ? (
        <p role="alert" className="mt-1 text-xs text-rose-600">
          {activationProblems
            ? `Fix ${countProblems(activationProblems.length)} in the editor before activating.`
            : toggle.error.message}
        </p>
      ) : null}
      {openDialog === "rename" ? (
        <WorkflowNameDialog
          title="Rename workflow"
          submitLabel="Save name"
          pendingLabel="Saving…"
          initialName={workflow.name}
          isPending={renameWorkflow.isPending}
          error={renameWorkflow.error?.message ?? null}
          onSubmit={(name) =>
            renameWorkflow.mutate({ workflowId: workflow.id, name }, { onSuccess: closeDialog })
          }
          onClose={closeDialog}
        />
      ) : null}
      {openDialog === "delete" ? (
        <DeleteWorkflowDialog workflow={workflow} onClose={closeDialog} />
      ) : null}
    </td>
  );
}
