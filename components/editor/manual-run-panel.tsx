"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { countProblems } from "@/components/workflows/reported-problems";
import { RunRefusal } from "./run-refusal";
import type { RunOutcome } from "./use-editor-commands";
import { selectProblems, useEditorStore } from "./use-editor-store";

type RunState = { kind: "idle" } | { kind: "starting" } | { kind: "done"; outcome: RunOutcome };

/**
 * Starts a test run from a Manual trigger with its test payload, saving first when needed, and
 * links to the run it started.
 */
export function ManualRunPanel({
  testPayload,
  onRun,
}: {
  testPayload: unknown;
  onRun: (payload: unknown) => Promise<RunOutcome>;
}) {
  const problemCount = useEditorStore(selectProblems).length;
  const [state, setState] = useState<RunState>({ kind: "idle" });

  async function run() {
    setState({ kind: "starting" });
    setState({ kind: "done", outcome: await onRun(parsePayload(testPayload)) });
  }

  return (
    <section
      aria-label="Test run"
      className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600">Runs the draft with the test payload above.</p>
        <Button
          variant="primary"
          onClick={() => void run()}
          disabled={state.kind === "starting" || problemCount > 0}
        >
          <span aria-hidden>▶</span>
          Run
        </Button>
      </div>
      {problemCount > 0 ? (
        <p className="text-xs text-amber-700">Fix {countProblems(problemCount)} before running.</p>
      ) : null}
      <RunResult state={state} />
    </section>
  );
}

function RunResult({ state }: { state: RunState }) {
  if (state.kind === "starting") {
    return <p className="text-xs text-slate-500">Starting a run…</p>;
  }
  if (state.kind === "idle") return null;
  const { outcome } = state;
  if (outcome.ok) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        Run started —{" "}
        <Link
          href={`/runs/${outcome.runId}`}
          className="font-medium underline hover:text-emerald-900"
        >
          view run
        </Link>
      </p>
    );
  }
  return <RunRefusal outcome={outcome} />;
}

/** The payload as JSON; text that does not parse is left for the server to refuse by name. */
function parsePayload(testPayload: unknown): unknown {
  if (typeof testPayload !== "string") return undefined;
  try {
    return JSON.parse(testPayload);
  } catch {
    return undefined;
  }
}
