"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { isEventAboutRun, runQueryOptions } from "@/lib/client/run-queries";
import { useLiveEvents, useThrottledCallback } from "@/lib/client/use-live-events";
import { JsonBlock } from "./json-block";
import { RunSummary } from "./run-summary";
import { StepCard } from "./step-card";

/** A busy run emits an event per step, exchange and delivery; refetch at most this often. */
const REFETCH_INTERVAL_MS = 500;

/** One run, kept current by live events about it. */
export function RunDetail({ runId }: { runId: string }) {
  const query = useQuery(runQueryOptions(runId));
  const queryClient = useQueryClient();

  const refetchRun = useThrottledCallback(
    () => void queryClient.invalidateQueries({ queryKey: runQueryOptions(runId).queryKey }),
    REFETCH_INTERVAL_MS,
  );
  const connection = useLiveEvents(
    (event) => {
      if (isEventAboutRun(event, runId)) refetchRun();
    },
    { onReconnect: refetchRun },
  );

  if (query.isPending)
    return (
      <Page>
        <p className="text-sm text-slate-500">Loading run…</p>
      </Page>
    );
  if (query.isError)
    return (
      <Page>
        <RunError error={query.error} />
      </Page>
    );

  const run = query.data;
  const steps = [...run.steps].sort((a, b) => a.position - b.position);

  return (
    <Page>
      <RunSummary run={run} connection={connection} />

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">Trigger data</h2>
        <JsonBlock label="Payload" value={run.triggerData} isOpenAtFirst />
      </section>

      <section className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-900">
          Steps <span className="font-normal text-slate-400">{steps.length}</span>
        </h2>
        {steps.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
            {run.status === "queued"
              ? "No steps yet — the run is queued and starts when a worker picks it up."
              : "This run recorded no steps."}
          </p>
        ) : (
          <ol className="space-y-3">
            {steps.map((step, index) => (
              <StepCard key={step.id} step={step} number={index + 1} />
            ))}
          </ol>
        )}
      </section>
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">{children}</div>
    </div>
  );
}

function RunError({ error }: { error: Error }) {
  const isNotFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="mx-auto mt-12 max-w-md text-center">
      <h1 className="text-base font-semibold text-slate-900">
        {isNotFound ? "Run not found" : "The run could not be loaded"}
      </h1>
      <p className="mt-1 text-sm text-slate-500">
        {isNotFound
          ? "It may have been removed by retention, or the link is wrong."
          : error.message}
      </p>
      <Link
        href="/deliveries"
        className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500"
      >
        Go to the delivery log
      </Link>
    </div>
  );
}
