"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { WorkflowView } from "@/lib/api/views";
import { versionQueries } from "@/lib/client/version-queries";
import { diffGraphs, isDiffEmpty } from "@/lib/workflow/diff-graphs";
import type { Graph } from "@/lib/workflow/graph";
import type { CanvasHighlight } from "./canvas-diff-highlight";
import { RestoreVersionDialog } from "./restore-version-dialog";
import { defaultComparison, type Comparison } from "./version-comparison";
import { VersionDiffPanel } from "./version-diff-panel";
import { VersionList } from "./version-list";
import { selectGraph, selectIsDirty, useEditorStore } from "./use-editor-store";

/**
 * The workflow's versions, newest first, with the draft on top while it differs from the
 * newest; beside them the changes between any two. Editors restore a version from here.
 */
export function VersionHistoryDialog({
  workflow,
  canEdit,
  onClose,
  onHighlight,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
  onClose: () => void;
  /** Marks a comparison's steps on the canvas; offered when it compares with the draft. */
  onHighlight: (highlight: CanvasHighlight) => void;
}) {
  const versions = useQuery(versionQueries.list(workflow.id));
  const draft = useEditorStore(selectGraph);
  const isDirty = useEditorStore(selectIsDirty);
  const isDraftListed = useIsDraftListed(workflow.id, versions.data?.[0]?.number, draft);
  const [chosen, setChosen] = useState<Comparison | null>(null);
  const [restoreNumber, setRestoreNumber] = useState<number | null>(null);

  const versionNumbers = (versions.data ?? []).map((version) => version.number);
  const comparison = chosen ?? defaultComparison(versionNumbers, isDraftListed);

  return (
    <Modal
      title="Version history"
      size="5xl"
      onClose={restoreNumber === null ? onClose : () => setRestoreNumber(null)}
    >
      {versions.error ? (
        <p role="alert" className="text-sm text-rose-600">
          {versions.error.message}
        </p>
      ) : versions.data === undefined ? (
        <p aria-busy="true" className="text-sm text-slate-500">
          Loading versions…
        </p>
      ) : (
        <div className="grid min-h-[24rem] grid-cols-[18rem_1fr] gap-4">
          <VersionList
            versions={versions.data}
            draft={isDraftListed ? { isUnsaved: isDirty } : null}
            isActive={workflow.isActive}
            selected={comparison.to}
            canEdit={canEdit}
            onCompare={setChosen}
            onRestore={setRestoreNumber}
          />
          <VersionDiffPanel
            workflowId={workflow.id}
            versions={versions.data}
            draft={draft}
            comparison={comparison}
            onChange={setChosen}
            onHighlight={onHighlight}
          />
        </div>
      )}
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
      {restoreNumber !== null ? (
        <RestoreVersionDialog
          workflow={workflow}
          number={restoreNumber}
          onCancel={() => setRestoreNumber(null)}
          onRestored={onClose}
        />
      ) : null}
    </Modal>
  );
}

/**
 * Whether the draft gets its own entry: when there is no version yet, or when it differs from
 * the newest version. Unknown (false) until the newest version's graph has arrived.
 */
function useIsDraftListed(workflowId: string, newest: number | undefined, draft: Graph): boolean {
  const newestVersion = useQuery({
    ...versionQueries.detail(workflowId, newest ?? 0),
    enabled: newest !== undefined,
  });
  if (newest === undefined) return draft.nodes.length > 0;
  if (newestVersion.data === undefined) return false;
  return !isDiffEmpty(diffGraphs(newestVersion.data.graph, draft));
}
