"use client";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { WorkflowView } from "@/lib/api/views";
import { useRestoreVersion } from "@/lib/client/version-queries";
import { useEditorStoreApi } from "./use-editor-store";

const publishingOfLiveWorkflow =
  "Nothing is published now: production keeps running the live version until the draft is " +
  "saved, since saving a live workflow publishes it.";
const publishingOfInactiveWorkflow =
  "Nothing is published: the workflow stays inactive until it is activated.";

/**
 * Asks before a version's graph replaces the draft, then shows it on the canvas at once. The
 * replacement is one undo step, so the graph that was there can be brought back.
 */
export function RestoreVersionDialog({
  workflow,
  number,
  onCancel,
  onRestored,
}: {
  workflow: WorkflowView;
  number: number;
  onCancel: () => void;
  onRestored: () => void;
}) {
  const store = useEditorStoreApi();
  const restore = useRestoreVersion();

  async function confirm() {
    const restored = await restore.mutateAsync({ workflowId: workflow.id, number });
    store.setSavedGraph(restored.draft);
    store.replaceGraph(restored.draft);
    store.notify(`Version ${number} restored into the draft. Undo brings back what was there.`);
    onRestored();
  }

  return (
    <Modal title={`Restore version ${number}?`} onClose={onCancel}>
      <p className="text-sm text-slate-600">
        The draft is replaced by version {number}, unsaved changes included.{" "}
        {workflow.isActive ? publishingOfLiveWorkflow : publishingOfInactiveWorkflow} Undo (Ctrl+Z)
        brings back the current graph.
      </p>
      {restore.error ? (
        <p role="alert" className="text-sm text-rose-600">
          {restore.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="primary"
          disabled={restore.isPending}
          aria-busy={restore.isPending}
          onClick={() => void confirm().catch(() => undefined)}
        >
          Restore version {number}
        </Button>
      </div>
    </Modal>
  );
}
