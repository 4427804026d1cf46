"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { getNodeType } from "@/lib/workflow/node-types";
import type { WorkflowFlowNode } from "./flow-graph";
import { NodeIcon } from "./node-icon";
import { summarizeNode } from "./node-summary";
import { useNodeProblemText } from "./use-editor-store";
import { useWorkflowMeta } from "./workflow-meta-context";

// React Flow's stylesheet is unlayered, so it beats Tailwind's layered utilities unless marked.
const handleClass = "h-2.5! w-2.5! border-2! border-white! bg-slate-400! hover:bg-indigo-500!";

function WorkflowNodeCard({ id, data, selected, isConnectable }: NodeProps<WorkflowFlowNode>) {
  const definition = getNodeType(data.nodeType);
  const problemText = useNodeProblemText(id);
  const { inboundPath } = useWorkflowMeta();
  const summary = summarizeNode(data.nodeType, data.config, inboundPath);
  const isTrigger = definition?.category === "trigger";
  const problemCount = problemText === "" ? 0 : problemText.split("\n").length;

  return (
    <div
      className={`relative w-60 rounded-lg border bg-white shadow-sm transition-shadow ${
        selected ? "border-indigo-500 ring-2 ring-indigo-500/25" : "border-slate-200 hover:shadow"
      } ${problemCount > 0 ? "outline-2 outline-offset-2 outline-rose-500" : ""}`}
    >
      {isTrigger ? null : (
        <Handle
          type="target"
          position={Position.Left}
          isConnectable={isConnectable}
          className={handleClass}
        />
      )}
      <div className="flex items-center gap-2 px-3 pt-2.5">
        <NodeIcon type={data.nodeType} category={definition?.category} />
        <span className="truncate text-sm font-medium text-slate-900">
          {definition?.label ?? data.nodeType}
        </span>
        <span className="ml-auto shrink-0 font-mono text-[11px] text-slate-500">{id}</span>
      </div>
      <p className="truncate px-3 pt-1 pb-2.5 text-xs text-slate-500" title={summary}>
        {summary}
      </p>
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
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={isConnectable}
        className={handleClass}
      />
    </div>
  );
}

/** The canvas card of a workflow node; memoized, since a canvas can hold hundreds of them. */
export const WorkflowNode = memo(WorkflowNodeCard);
