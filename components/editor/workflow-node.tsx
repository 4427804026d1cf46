"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { Fragment, memo } from "react";
import type { NodeOutputHandle } from "@/lib/workflow/node-type";
import { getNodeType } from "@/lib/workflow/node-types";
import type { WorkflowFlowNode } from "./flow-graph";
import { LastRunBadge } from "./last-run-badge";
import { useNodeRunPreview, useNodeRunStatus } from "./last-run-store";
import { NodeIcon } from "./node-icon";
import { summarizeNode } from "./node-summary";
import { useNodeProblemText } from "./use-editor-store";
import { useWorkflowMeta } from "./workflow-meta-context";

// React Flow's stylesheet is unlayered, so it beats Tailwind's layered utilities unless marked.
const handleClass = "h-2.5! w-2.5! border-2! border-white! bg-slate-400! hover:bg-indigo-500!";

/**
 * Zoomed far out (the canvas says so in `data-detail`), the card keeps its size and shows its
 * category by colour instead of text it is too small to read. Hidden, not removed, so nothing
 * is measured again; hidden text costs the browser nothing to paint.
 */
const outlineOnly = "group-data-[detail=outline]/canvas:invisible";
const outlineTint = {
  trigger: "group-data-[detail=outline]/canvas:bg-emerald-200",
  action: "group-data-[detail=outline]/canvas:bg-indigo-200",
};

function WorkflowNodeCard({ id, data, selected, isConnectable }: NodeProps<WorkflowFlowNode>) {
  const definition = getNodeType(data.nodeType);
  const problemText = useNodeProblemText(id);
  const runStatus = useNodeRunStatus(id, data.nodeType);
  const runPreview = useNodeRunPreview(id, data.nodeType);
  const { inboundPath } = useWorkflowMeta();
  const summary = summarizeNode(data.nodeType, data.config, inboundPath);
  const isTrigger = definition?.category === "trigger";
  const problemCount = problemText === "" ? 0 : problemText.split("\n").length;
  // Branch labels sit inside the right edge, so the text keeps clear of them.
  const textInset = definition?.outputHandles === undefined ? "pr-3" : "pr-14";

  return (
    <div
      className={`relative w-60 rounded-lg border bg-white shadow-sm transition-shadow ${
        selected ? "border-indigo-500 ring-2 ring-indigo-500/25" : "border-slate-200 hover:shadow"
      } ${problemCount > 0 ? "outline-2 outline-offset-2 outline-rose-500" : ""} ${
        isTrigger ? outlineTint.trigger : outlineTint.action
      }`}
    >
      {isTrigger ? null : (
        <Handle
          type="target"
          position={Position.Left}
          isConnectable={isConnectable}
          className={handleClass}
        />
      )}
      <div className={`flex items-center gap-2 pt-2.5 pl-3 ${textInset} ${outlineOnly}`}>
        <NodeIcon type={data.nodeType} category={definition?.category} />
        <span className="truncate text-sm font-medium text-slate-900">
          {definition?.label ?? data.nodeType}
        </span>
        <span className="ml-auto shrink-0 font-mono text-[11px] text-slate-500">{id}</span>
      </div>
      <p
        className={`truncate pt-1 pb-2.5 pl-3 text-xs text-slate-500 ${textInset} ${outlineOnly}`}
        title={summary}
      >
        {summary}
      </p>
      {runPreview === null ? null : (
        <p
          aria-label={runStatus === "failed" ? "Why it failed" : "Output"}
          title={runPreview}
          className={`truncate rounded-b-lg border-t px-3 py-1 font-mono text-[11px] ${
            runStatus === "failed"
              ? "border-rose-100 bg-rose-50 text-rose-700"
              : "border-slate-100 bg-slate-50 text-slate-600"
          } ${outlineOnly}`}
        >
          {runPreview}
        </p>
      )}
      {runStatus === null ? null : <LastRunBadge status={runStatus} />}
      {problemCount > 0 ? (
        <span
          role="img"
          aria-label={`${problemCount} ${problemCount === 1 ? "problem" : "problems"}`}
          title={problemText}
          className="absolute -top-2 -right-2 flex h-5 w-5 items-center justify-center rounded-full bg-rose-500 text-[11px] font-bold text-white ring-2 ring-white"
        >
          !
        </span>
      ) : null}
      {definition?.outputHandles === undefined ? (
        <Handle
          type="source"
          position={Position.Right}
          isConnectable={isConnectable}
          className={handleClass}
        />
      ) : (
        <BranchHandles handles={definition.outputHandles} isConnectable={isConnectable} />
      )}
    </div>
  );
}

const branchHandleClasses: Record<string, { handle: string; label: string }> = {
  true: { handle: "bg-emerald-500! hover:bg-emerald-600!", label: "text-emerald-700" },
  false: { handle: "bg-rose-400! hover:bg-rose-500!", label: "text-rose-700" },
};

const fallbackBranchClasses = { handle: "bg-slate-400! hover:bg-indigo-500!", label: "" };

/**
 * The labelled outputs of a branching node, spread down its right side, each named next to
 * its handle so it is clear which branch an edge drawn from it takes.
 */
function BranchHandles({
  handles,
  isConnectable,
}: {
  handles: readonly NodeOutputHandle[];
  isConnectable: boolean;
}) {
  return handles.map((output, index) => {
    const top = `${((index + 1) * 100) / (handles.length + 1)}%`;
    const classes = branchHandleClasses[output.id] ?? fallbackBranchClasses;
    return (
      <Fragment key={output.id}>
        <Handle
          id={output.id}
          type="source"
          position={Position.Right}
          isConnectable={isConnectable}
          aria-label={`${output.label} output`}
          className={`h-3! w-3! border-2! border-white! ${classes.handle}`}
          style={{ top }}
        />
        <span
          aria-hidden
          className={`pointer-events-none absolute right-2.5 -translate-y-1/2 text-[10px] font-semibold tracking-wide uppercase ${classes.label} ${outlineOnly}`}
          style={{ top }}
        >
          {output.label}
        </span>
      </Fragment>
    );
  });
}

/** The canvas card of a workflow node; memoized, since a canvas can hold hundreds of them. */
export const WorkflowNode = memo(WorkflowNodeCard);
