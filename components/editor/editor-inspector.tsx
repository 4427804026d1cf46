"use client";

import { NodeInspector } from "./node-inspector";
import type { RunOutcome } from "./use-editor-commands";
import { selectSelectedNodeId, useEditorStore } from "./use-editor-store";
import { WorkflowOverview } from "./workflow-overview";

/** The right-hand panel: the selected node's settings, or the workflow overview. */
export function EditorInspector({
  workflowId,
  canEdit,
  onRun,
}: {
  workflowId: string;
  canEdit: boolean;
  onRun: (payload: unknown) => Promise<RunOutcome>;
}) {
  const selectedNodeId = useEditorStore(selectSelectedNodeId);

  return (
    <aside
      aria-label="Inspector"
      className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white"
    >
      {selectedNodeId === null ? (
        <WorkflowOverview workflowId={workflowId} />
      ) : (
        <NodeInspector
          key={selectedNodeId}
          nodeId={selectedNodeId}
          canEdit={canEdit}
          onRun={onRun}
        />
      )}
    </aside>
  );
}
