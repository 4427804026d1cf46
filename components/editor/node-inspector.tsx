"use client";

import { useReactFlow } from "@xyflow/react";
import { Badge } from "@/components/ui/badge";
import { getNodeType } from "@/lib/workflow/node-types";
import { ConfigForm } from "./config-form";
import { LastRunStep } from "./last-run-step";
import { ManualRunPanel } from "./manual-run-panel";
import { NodeIcon } from "./node-icon";
import { SchedulePreview } from "./schedule-preview";
import { StepTestPanel } from "./step-test-panel";
import { TemplateSamplesProvider } from "./template-samples-provider";
import { describeNodeReference } from "./node-reference";
import type { RunOutcome } from "./use-editor-commands";
import {
  selectTravelCount,
  useEditorStore,
  useEditorStoreApi,
  useNodeData,
} from "./use-editor-store";

/** The selected node: what it is, how to reference it, and its settings. */
export function NodeInspector({
  nodeId,
  canEdit,
  onRun,
  onRunStep,
}: {
  nodeId: string;
  canEdit: boolean;
  onRun: (payload: unknown) => Promise<RunOutcome>;
  onRunStep: (nodeId: string, input: unknown) => Promise<RunOutcome>;
}) {
  const store = useEditorStoreApi();
  const { deleteElements } = useReactFlow();
  const data = useNodeData(nodeId);
  // Some fields keep half-typed text of their own; after undo or redo they start over.
  const travelCount = useEditorStore(selectTravelCount);
  if (data === undefined) return null;

  const definition = getNodeType(data.nodeType);
  const isTrigger = definition?.category === "trigger";

  return (
    <div className="space-y-5 p-4">
      <div className="flex items-start gap-2.5">
        <NodeIcon type={data.nodeType} category={definition?.category} />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <h2 className="truncate text-sm font-semibold text-slate-900">
              {definition?.label ?? "Unknown node type"}
            </h2>
            <Badge tone={isTrigger ? "green" : "violet"}>{isTrigger ? "Trigger" : "Action"}</Badge>
          </div>
          {definition ? (
            <p className="mt-1 text-xs leading-relaxed text-slate-500">{definition.description}</p>
          ) : null}
        </div>
      </div>

      <div className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 text-xs text-slate-600">
        <p>
          Node id{" "}
          <code className="rounded bg-white px-1 py-0.5 font-mono text-slate-900 ring-1 ring-slate-200">
            {nodeId}
          </code>
        </p>
        <p className="mt-1.5">
          {isTrigger
            ? "Steps read the event that started the run as "
            : "Later steps read its result as "}
          <code className="font-mono break-words text-indigo-700">
            {describeNodeReference(data.nodeType, nodeId, isTrigger)}
          </code>
        </p>
      </div>

      <TemplateSamplesProvider nodeId={nodeId}>
        <ConfigForm
          key={`${nodeId}:${travelCount}`}
          nodeType={data.nodeType}
          config={data.config}
          isReadOnly={!canEdit}
          onChange={(config) => store.updateNodeConfig(nodeId, config)}
        />
      </TemplateSamplesProvider>

      {data.nodeType === "schedule-trigger" ? (
        <SchedulePreview cron={data.config["cron"]} timezone={data.config["timezone"]} />
      ) : null}

      {data.nodeType === "manual-trigger" && canEdit ? (
        <ManualRunPanel testPayload={data.config["testPayload"]} onRun={onRun} />
      ) : null}

      {!isTrigger && definition && canEdit ? (
        <StepTestPanel nodeId={nodeId} onRunStep={onRunStep} />
      ) : null}

      <LastRunStep nodeId={nodeId} nodeType={data.nodeType} />

      {canEdit ? (
        <div className="border-t border-slate-100 pt-4">
          <button
            type="button"
            onClick={() => void deleteElements({ nodes: [{ id: nodeId }] })}
            className="text-xs font-medium text-rose-600 hover:text-rose-700"
          >
            Delete node
          </button>
        </div>
      ) : null}
    </div>
  );
}
