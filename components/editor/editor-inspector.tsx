"use client";

import { useId, useRef, type KeyboardEvent } from "react";
import type { WorkflowView } from "@/lib/api/views";
import { InboundPanel } from "./inbound-panel";
import { NodeInspector } from "./node-inspector";
import type { RunOutcome } from "./use-editor-commands";
import type { InspectorTab } from "./use-inspector-tab";
import { WorkflowOverview } from "./workflow-overview";

const tabOrder: readonly InspectorTab[] = ["details", "inbound"];

/**
 * The right-hand panel, in two views: details (the selected node's settings, or the workflow
 * overview) and inbound (the workflow's URLs and test events).
 */
export function EditorInspector({
  workflow,
  canEdit,
  tab,
  selectedNodeId,
  onTabChange,
  onRun,
  onRunWithTestEvent,
  onRunStep,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
  tab: InspectorTab;
  selectedNodeId: string | null;
  onTabChange: (tab: InspectorTab) => void;
  onRun: (payload: unknown) => Promise<RunOutcome>;
  onRunWithTestEvent: () => Promise<RunOutcome>;
  onRunStep: (nodeId: string, input: unknown) => Promise<RunOutcome>;
}) {
  const idPrefix = useId();
  const tabRefs = useRef(new Map<InspectorTab, HTMLButtonElement>());
  const isLive = workflow.inbound.readiness.live;

  // Arrow keys move between tabs, as the tabs pattern expects; Tab goes on into the panel.
  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const step = event.key === "ArrowRight" ? 1 : -1;
    const next = tabOrder[(tabOrder.indexOf(tab) + step + tabOrder.length) % tabOrder.length];
    if (next === undefined) return;
    onTabChange(next);
    tabRefs.current.get(next)?.focus();
  }

  function tabProps(id: InspectorTab) {
    const isSelected = tab === id;
    return {
      ref: (element: HTMLButtonElement | null) => {
        if (element) tabRefs.current.set(id, element);
      },
      id: `${idPrefix}-${id}-tab`,
      role: "tab",
      type: "button" as const,
      "aria-selected": isSelected,
      "aria-controls": `${idPrefix}-panel`,
      tabIndex: isSelected ? 0 : -1,
      onClick: () => onTabChange(id),
      className: `-mb-px inline-flex items-center gap-1.5 border-b-2 px-1 py-2.5 text-sm font-medium transition-colors ${isSelected ? "border-indigo-500 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-700"}`,
    };
  }

  return (
    <aside
      aria-label="Inspector"
      className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white"
    >
      <div
        role="tablist"
        aria-label="Side panel"
        onKeyDown={moveFocus}
        className="flex shrink-0 gap-5 border-b border-slate-200 px-4"
      >
        <button {...tabProps("details")}>Details</button>
        <button {...tabProps("inbound")}>
          Inbound
          <span
            aria-hidden
            title={isLive ? "Live" : "Not live"}
            className={`h-1.5 w-1.5 rounded-full ${isLive ? "bg-emerald-500" : "bg-amber-500"}`}
          />
        </button>
      </div>
      <div
        id={`${idPrefix}-panel`}
        role="tabpanel"
        aria-labelledby={`${idPrefix}-${tab}-tab`}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {tab === "inbound" ? (
          <InboundPanel
            workflow={workflow}
            canEdit={canEdit}
            onRunWithTestEvent={onRunWithTestEvent}
          />
        ) : selectedNodeId === null ? (
          <WorkflowOverview workflowId={workflow.id} />
        ) : (
          <NodeInspector
            key={selectedNodeId}
            nodeId={selectedNodeId}
            canEdit={canEdit}
            onRun={onRun}
            onRunStep={onRunStep}
          />
        )}
      </div>
    </aside>
  );
}
