"use client";

import Link from "next/link";
import { useEffect } from "react";
import { ActivityBadge } from "@/components/workflows/activity-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { WorkflowView } from "@/lib/api/views";
import { LiveStateButton } from "./inbound-readiness";
import { ExportWorkflowLink } from "./export-workflow-link";
import { InboundUrl } from "./inbound-url";
import { ProblemsMenu } from "./problems-menu";
import type { EditorCommands } from "./use-editor-commands";
import { selectIsDirty, useEditorStore } from "./use-editor-store";
import { useLeaveGuard } from "./use-leave-guard";
import { VersionHistoryButton } from "./version-history-button";

/** Name, state and commands of the edited workflow, above the canvas. */
export function EditorHeader({
  workflow,
  commands,
  canEdit,
  onShowInbound,
}: {
  workflow: WorkflowView;
  commands: EditorCommands;
  canEdit: boolean;
  /** Opens the side panel's inbound view, which says in full why the URL is not live. */
  onShowInbound: () => void;
}) {
  const isDirty = useEditorStore(selectIsDirty);
  useLeaveGuard(isDirty);
  useSaveShortcut(canEdit && isDirty && !commands.isSaving, commands.save);

  return (
    <header className="shrink-0 border-b border-slate-200 bg-white">
      <div className="flex h-14 items-center gap-3 px-4">
        <Link
          href="/workflows"
          aria-label="All workflows"
          className="rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
        >
          <span aria-hidden>←</span>
        </Link>
        <h1 className="min-w-0 truncate text-base font-semibold text-slate-900">{workflow.name}</h1>
        <ActivityBadge isActive={workflow.isActive} />
        {isDirty ? (
          <span
            role="status"
            className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-700"
          >
            <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" />
            Unsaved changes
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <VersionHistoryButton workflow={workflow} canEdit={canEdit} />
          <ProblemsMenu />
          <ExportWorkflowLink workflowId={workflow.id} />
          {canEdit ? (
            <>
              <Button
                onClick={() => void commands.save()}
                disabled={!isDirty || commands.isSaving}
                aria-busy={commands.isSaving}
                title="Save (Ctrl+S)"
              >
                Save
              </Button>
              {workflow.isActive ? (
                <Button onClick={() => void commands.deactivate()} disabled={commands.isSwitching}>
                  Deactivate
                </Button>
              ) : (
                <Button
                  variant="primary"
                  onClick={() => void commands.activate()}
                  disabled={commands.isSwitching || commands.isSaving}
                >
                  Activate
                </Button>
              )}
            </>
          ) : (
            <Badge>View only</Badge>
          )}
        </div>
      </div>
      <div className="flex h-10 items-center gap-4 border-t border-slate-100 bg-slate-50/60 px-4 text-xs">
        <InboundUrl
          label="Inbound URL"
          copyLabel="Copy production URL"
          path={workflow.inboundPath}
        />
        <LiveStateButton readiness={workflow.inbound.readiness} onShowInbound={onShowInbound} />
        <PublishState workflow={workflow} />
      </div>
    </header>
  );
}

function PublishState({ workflow }: { workflow: WorkflowView }) {
  if (!workflow.isActive) {
    return (
      <span className="text-slate-500">Activate the workflow to start runs from this URL.</span>
    );
  }
  return (
    <span className="flex items-center gap-3 text-slate-600">
      {workflow.activeVersion ? (
        <span>Production runs version {workflow.activeVersion.number}</span>
      ) : null}
      {workflow.hasUnpublishedChanges ? (
        <Badge tone="amber">Draft has unpublished changes</Badge>
      ) : null}
    </span>
  );
}

/** Ctrl+S or Cmd+S saves instead of opening the browser's "Save page" dialog. */
function useSaveShortcut(isEnabled: boolean, save: () => Promise<void>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "s" || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      if (isEnabled) void save();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled, save]);
}
