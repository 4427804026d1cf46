"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { JsonBlock } from "@/components/runs/json-block";
import { RunStatusBadge } from "@/components/runs/status-badges";
import { formatDuration } from "@/components/ui/format";
import type { RunView, StepView } from "@/lib/api/views";
import { latestRunQueryOptions } from "@/lib/client/latest-run-query";
import { findNodeStep, indexStepsByNode } from "./last-run-steps";
import { useWorkflowMeta } from "./workflow-meta-context";

/** Enough of a run id to tell runs apart at a glance; the run page shows all of it. */
const shortIdLength = 8;

/**
 * The selected node's step in the workflow's latest run: its status, why it failed, and its
 * output. Nothing before the workflow's first run.
 */
export function LastRunStep({ nodeId, nodeType }: { nodeId: string; nodeType: string }) {
  const { workflowId } = useWorkflowMeta();
  const headingId = useId();
  const { data: run } = useQuery(latestRunQueryOptions(workflowId));
  if (run === undefined || run === null) return null;

  const step = findNodeStep(indexStepsByNode(run.steps), { id: nodeId, nodeType });

  return (
    <section aria-labelledby={headingId} className="space-y-2.5 border-t border-slate-100 pt-4">
      <div className="flex items-center gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Last run
        </h3>
        {step ? <RunStatusBadge status={step.status} /> : null}
        {step !== undefined && step.durationMs !== null ? (
          <span className="ml-auto text-xs text-slate-500 tabular-nums">
            {formatDuration(step.durationMs)}
          </span>
        ) : null}
      </div>
      <RunOrigin run={run} />
      {step ? (
        <StepOutcome step={step} />
      ) : (
        <p className="text-xs text-slate-500">
          This node took no part in that run
          {run.status === "queued" || run.status === "running" ? " so far" : ""}.
        </p>
      )}
    </section>
  );
}

/** Which run and version the figures come from: the canvas may show a newer draft. */
function RunOrigin({ run }: { run: RunView }) {
  return (
    <p className="text-xs text-slate-500">
      From run{" "}
      <code title={run.id} className="font-mono text-slate-700">
        {run.id.slice(0, shortIdLength)}
      </code>{" "}
      on version {run.versionNumber}.{" "}
      <Link
        href={`/runs/${encodeURIComponent(run.id)}`}
        className="font-medium text-indigo-600 hover:text-indigo-500"
      >
        Open run
      </Link>
    </p>
  );
}

export function StepOutcome({ step }: { step: StepView }) {
  if (step.status === "skipped") {
    return (
      <p className="text-xs text-slate-500">
        Not run: only a branch of a Condition that was not taken leads here.
      </p>
    );
  }
  return (
    <>
      {step.error ? (
        <div>
          <p className="text-xs font-medium text-slate-700">Why it failed</p>
          <p className="mt-1 rounded-md bg-rose-50 px-3 py-2 font-mono text-xs break-words text-rose-700 ring-1 ring-rose-200 ring-inset">
            {step.error}
          </p>
        </div>
      ) : null}
      {step.status === "running" ? null : (
        <JsonBlock key={`${step.id}:${step.status}`} label="Output" value={step.output} />
      )}
    </>
  );
}
