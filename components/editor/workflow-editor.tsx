"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { Button } from "@/components/ui/button";
import { useLiveWorkflowUpdates } from "@/components/workflows/use-live-workflow-updates";
import type { WorkflowView } from "@/lib/api/views";
import { ApiError } from "@/lib/client/api-fetch";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { EditorFeedbackBanner } from "./editor-feedback";
import { EditorHeader } from "./editor-header";
import { EditorInspector } from "./editor-inspector";
import { createEditorStore } from "./editor-store";
import { NodePaletteDock } from "./node-palette";
import { useEditorCommands, type EditorCommands } from "./use-editor-commands";
import { LastRunFeed } from "./last-run-feed";
import { createLastRunStore, LastRunStoreContext } from "./last-run-store";
import { EditorStoreContext } from "./use-editor-store";
import { useInspectorTab } from "./use-inspector-tab";
import { WorkflowCanvas } from "./workflow-canvas";
import { WorkflowMetaContext } from "./workflow-meta-context";

/** The workflow designer: header, palette, canvas and inspector over one workflow. */
export function WorkflowEditor({ workflowId }: { workflowId: string }) {
  const {
    data: workflow,
    error,
    isPending,
    refetch,
  } = useQuery(workflowQueries.detail(workflowId));

  if (isPending) {
    return (
      <div
        aria-busy="true"
        className="flex h-full items-center justify-center text-sm text-slate-400"
      >
        Loading workflow…
      </div>
    );
  }
  if (error) {
    const isMissing = error instanceof ApiError && error.status === 404;
    return (
      <div
        role="alert"
        className="flex h-full flex-col items-center justify-center gap-3 text-center"
      >
        <p className="text-base font-medium text-slate-900">
          {isMissing ? "This workflow does not exist" : "The workflow could not be loaded"}
        </p>
        <p className="max-w-sm text-sm text-slate-500">
          {isMissing ? "It may have been deleted." : error.message}
        </p>
        <div className="flex gap-2">
          <Link
            href="/workflows"
            className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
          >
            Back to workflows
          </Link>
          {isMissing ? null : <Button onClick={() => void refetch()}>Try again</Button>}
        </div>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <EditorWorkspace key={workflow.id} workflow={workflow} />
    </ReactFlowProvider>
  );
}

function EditorWorkspace({ workflow }: { workflow: WorkflowView }) {
  const canEdit = useCanEdit();
  const [store] = useState(() => createEditorStore(workflow.draft));
  const [lastRun] = useState(createLastRunStore);
  const commands = useEditorCommands(workflow, store);
  const meta = useMemo(
    () => ({ workflowId: workflow.id, inboundPath: workflow.inboundPath }),
    [workflow.id, workflow.inboundPath],
  );
  useLiveWorkflowUpdates(workflow.id);

  useEffect(() => store.setSavedGraph(workflow.draft), [store, workflow.draft]);

  return (
    <EditorStoreContext.Provider value={store}>
      <WorkflowMetaContext.Provider value={meta}>
        <LastRunStoreContext.Provider value={lastRun}>
          <LastRunFeed workflowId={workflow.id} store={lastRun} />
          <EditorLayout workflow={workflow} commands={commands} canEdit={canEdit} />
        </LastRunStoreContext.Provider>
      </WorkflowMetaContext.Provider>
    </EditorStoreContext.Provider>
  );
}

/** Header, palette, canvas and side panel; inside the store, since the panel follows selection. */
function EditorLayout({
  workflow,
  commands,
  canEdit,
}: {
  workflow: WorkflowView;
  commands: EditorCommands;
  canEdit: boolean;
}) {
  const inspector = useInspectorTab();

  return (
    <div className="flex h-full flex-col">
      <EditorHeader
        workflow={workflow}
        commands={commands}
        canEdit={canEdit}
        onShowInbound={() => inspector.showTab("inbound")}
      />
      {commands.feedback ? (
        <EditorFeedbackBanner feedback={commands.feedback} onDismiss={commands.dismissFeedback} />
      ) : null}
      <div className="flex min-h-0 flex-1">
        {canEdit ? <NodePaletteDock /> : null}
        <div className="relative min-w-0 flex-1 bg-slate-50">
          <WorkflowCanvas canEdit={canEdit} />
        </div>
        <EditorInspector
          workflow={workflow}
          canEdit={canEdit}
          tab={inspector.tab}
          selectedNodeId={inspector.selectedNodeId}
          onTabChange={inspector.showTab}
          onRun={commands.runManually}
          onRunWithTestEvent={commands.runWithTestEvent}
          onRunStep={commands.runStep}
        />
      </div>
    </div>
  );
}
