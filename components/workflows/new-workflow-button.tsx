"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { Button } from "@/components/ui/button";
import { useQuery } from "@tanstack/react-query";
import { useCreateWorkflow, workflowQueries } from "@/lib/client/workflow-queries";
import { WorkflowNameDialog } from "./workflow-name-dialog";

/**
 * "New workflow" for editors: asks for a name, creates the workflow and opens its editor. The
 * page header's button steps aside while the list is empty, where the empty state offers its own.
 */
export function NewWorkflowButton({
  isHiddenWhileEmpty = false,
}: {
  isHiddenWhileEmpty?: boolean;
}) {
  const canEdit = useCanEdit();
  const { data: workflows } = useQuery({ ...workflowQueries.list(), enabled: isHiddenWhileEmpty });
  const router = useRouter();
  const createWorkflow = useCreateWorkflow();
  const [isOpen, setIsOpen] = useState(false);

  if (!canEdit) return null;
  if (isHiddenWhileEmpty && (workflows === undefined || workflows.length === 0)) return null;

  function close() {
    setIsOpen(false);
    createWorkflow.reset();
  }

  function create(name: string) {
    createWorkflow.mutate(
      { name },
      { onSuccess: (workflow) => router.push(`/workflows/${workflow.id}`) },
    );
  }

  return (
    <>
      <Button variant="primary" onClick={() => setIsOpen(true)}>
        <span aria-hidden className="text-base leading-none">
          +
        </span>
        New workflow
      </Button>
      {isOpen ? (
        <WorkflowNameDialog
          title="New workflow"
          submitLabel="Create workflow"
          pendingLabel="Creating…"
          isPending={createWorkflow.isPending || createWorkflow.isSuccess}
          error={createWorkflow.error?.message ?? null}
          onSubmit={create}
          onClose={close}
        />
      ) : null}
    </>
  );
}
