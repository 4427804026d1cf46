"use client";

import { Button } from "@/components/ui/button";
import { useDeleteWorkflow } from "@/lib/client/workflow-queries";
import { Modal } from "@/components/ui/modal";

/** Asks before a workflow is deleted, since its inbound URL stops working for good. */
export function DeleteWorkflowDialog({
  workflow,
  onClose,
}: {
  workflow: { id: string; name: string };
  onClose: () => void;
}) {
  const deleteWorkflow = useDeleteWorkflow();

  return (
    <Modal title="Delete workflow?" onClose={onClose}>
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{workflow.name}</span> will be deleted with its
        versions, and requests to its inbound URL will be refused. This cannot be undone.
      </p>
      {deleteWorkflow.error ? (
        <p role="alert" className="text-sm text-rose-600">
          {deleteWorkflow.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          disabled={deleteWorkflow.isPending}
          onClick={() => deleteWorkflow.mutate({ workflowId: workflow.id }, { onSuccess: onClose })}
        >
          {deleteWorkflow.isPending ? "Deleting…" : "Delete workflow"}
        </Button>
      </div>
    </Modal>
  );
}
