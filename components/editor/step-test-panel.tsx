"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { RunStatusBadge } from "@/components/runs/status-badges";
import { formatDuration } from "@/components/ui/format";
import { Button } from "@/components/ui/button";
import type { RunView } from "@/lib/api/views";
import { runQueryOptions } from "@/lib/client/run-queries";
import { StepOutcome } from "./last-run-step";
import { RunRefusal } from "./run-refusal";
import type { RunOutcome } from "./use-editor-commands";
import { usePinnedStepInput } from "./use-pinned-step-input";
import { useTemplateSamples } from "./use-template-samples";
import { useWorkflowMeta } from "./workflow-meta-context";

/** How often the panel asks after a step run until it has finished. */
const POLL_INTERVAL_MS = 400;

type TryState = { kind: "idle" } | { kind: "starting" } | { kind: "started"; outcome: RunOutcome };

/**
 * Tries the selected action on its own, without running the steps before it: the input is the
 * trigger data and earlier steps' outputs it would read, taken from the captured test event and
 * the last run, or pinned by editing it here. The result shows below as it comes in.
 */
export function StepTestPanel({
  nodeId,
  onRunStep,
}: {
  nodeId: string;
  onRunStep: (nodeId: string, input: unknown) => Promise<RunOutcome>;
}) {
  const { workflowId } = useWorkflowMeta();
  const inputId = useId();
  const errorId = useId();
  const samples = useTemplateSamples(nodeId);
  const { pinned, pin, unpin } = usePinnedStepInput(workflowId, nodeId);
  // What was typed here; it also stands in for the pin when the browser keeps no storage.
  const [typed, setTyped] = useState<string | null>(null);
  const [state, setState] = useState<TryState>({ kind: "idle" });

  const sampleText = useMemo(
    () =>
      samples === null
        ? null
        : JSON.stringify(
            { trigger: samples.trigger?.data ?? null, steps: samples.stepOutputs },
            null,
            2,
          ),
    [samples],
  );
  const isPinned = typed !== null || pinned !== null;
  const text = typed ?? pinned ?? sampleText ?? "";
  const parsed = useMemo(() => parseStepInput(text), [text]);

  async function tryStep() {
    if (!parsed.ok) return;
    setState({ kind: "starting" });
    setState({ kind: "started", outcome: await onRunStep(nodeId, parsed.value) });
  }

  return (
    <section
      aria-label="Try this step"
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">Try this step</h3>
        {isPinned ? (
          <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 ring-inset">
            Pinned input
          </span>
        ) : null}
      </div>
      <p className="text-xs text-slate-600">
        Runs only this step, with the input below: the trigger data and the outputs of earlier steps{" "}
        {isPinned
          ? "as you pinned them."
          : sourceOfSamples(samples?.trigger?.source, samples?.hasRun ?? false)}{" "}
        Calls and webhooks it makes are real.
      </p>
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        Step input (JSON)
      </label>
      <textarea
        id={inputId}
        rows={8}
        spellCheck={false}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : errorId}
        className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs leading-relaxed text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
        value={text}
        placeholder={sampleText === null ? "Loading sample data…" : undefined}
        onChange={(event) => {
          setTyped(event.target.value);
          pin(event.target.value);
        }}
      />
      {parsed.ok ? null : (
        <p id={errorId} className="text-xs text-rose-700">
          {parsed.message}
        </p>
      )}
      <div className="flex items-center justify-between gap-2">
        {isPinned ? (
          <button
            type="button"
            onClick={() => {
              setTyped(null);
              unpin();
            }}
            className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
          >
            Use sample data instead
          </button>
        ) : (
          <span />
        )}
        <Button
          variant="primary"
          onClick={() => void tryStep()}
          disabled={!parsed.ok || state.kind === "starting"}
        >
          <span aria-hidden>▶</span>
          Run step
        </Button>
      </div>
      <TryResult state={state} nodeId={nodeId} />
    </section>
  );
}

function sourceOfSamples(source: string | undefined, hasRun: boolean): string {
  if (source === "captured event") {
    return hasRun
      ? "from the captured test event and the last run; edit it to pin your own."
      : "from the captured test event; edit it to pin your own.";
  }
  if (source === "last run") return "from the last run; edit it to pin your own.";
  return "(there is no captured event or run yet, so write them here).";
}

function parseStepInput(text: string):
  | { ok: true; value: { trigger: unknown; steps: Record<string, unknown> } }
  | {
      ok: false;
      message: string;
    } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The input is an object: { "trigger": …, "steps": { … } }.' };
  }
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => key !== "trigger" && key !== "steps");
  if (extra.length > 0) {
    return { ok: false, message: `Only "trigger" and "steps" are read; remove "${extra[0]}".` };
  }
  const steps = record["steps"] ?? {};
  if (typeof steps !== "object" || steps === null || Array.isArray(steps)) {
    return { ok: false, message: '"steps" maps node ids to their outputs, as an object.' };
  }
  return {
    ok: true,
    value: { trigger: record["trigger"] ?? null, steps: steps as Record<string, unknown> },
  };
}

function TryResult({ state, nodeId }: { state: TryState; nodeId: string }) {
  if (state.kind === "idle") return null;
  if (state.kind === "starting") return <p className="text-xs text-slate-500">Starting…</p>;
  const { outcome } = state;
  if (!outcome.ok) return <RunRefusal outcome={outcome} />;
  return <StepRunResult runId={outcome.runId} nodeId={nodeId} />;
}

function StepRunResult({ runId, nodeId }: { runId: string; nodeId: string }) {
  const { data: run } = useQuery({
    ...runQueryOptions(runId),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_INTERVAL_MS),
  });
  const step = run?.steps.find((candidate) => candidate.nodeId === nodeId);

  return (
    <div
      role="status"
      aria-label="Step result"
      className="space-y-2 border-t border-slate-200 pt-2"
    >
      <div className="flex items-center gap-2 text-xs">
        <RunStatusBadge status={step?.status ?? run?.status ?? "queued"} />
        {step?.durationMs !== undefined && step.durationMs !== null ? (
          <span className="text-slate-500 tabular-nums">{formatDuration(step.durationMs)}</span>
        ) : null}
        <Link
          href={`/runs/${encodeURIComponent(runId)}`}
          className="ml-auto font-medium text-indigo-600 hover:text-indigo-500"
        >
          Open run
        </Link>
      </div>
      {step && step.status !== "running" ? <StepOutcome step={step} /> : null}
    </div>
  );
}

function isFinished(run: RunView | undefined): boolean {
  return run?.status === "succeeded" || run?.status === "failed";
}
