import { useCanEdit } from "@/components/shell/session-user";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { RunView } from "@/lib/api/views";
import { useRerun, type RerunInput } from "@/lib/client/replay-mutations";
import type { LiveConnection } from "@/lib/client/use-live-events";
import { formatDuration } from "../ui/format";
import { LiveIndicator } from "../ui/live-indicator";
import { RelativeTime } from "../ui/relative-time";
import { Button } from "../ui/button";
import { RunStatusBadge } from "./status-badges";

const triggerLabels: Record<RunView["triggerKind"], string> = {
  webhook: "Inbound webhook",
  manual: "Manual",
  schedule: "Schedule",
  step: "Single step from the editor",
};

/** The head of the run page: which workflow and version, how it started and how it went. */
export function RunSummary({ run, connection }: { run: RunView; connection: LiveConnection }) {
  const canEdit = useCanEdit();
  const isFinished = run.status === "succeeded" || run.status === "failed";

  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-slate-500">
            Run <span className="font-mono">{run.id}</span>
            {run.rerunOfId ? (
              <>
                {" · Re-run of "}
                <Link
                  href={`/runs/${encodeURIComponent(run.rerunOfId)}`}
                  className="font-mono font-medium text-indigo-600 hover:text-indigo-500"
                >
                  {run.rerunOfId}
                </Link>
              </>
            ) : null}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-slate-900">
              <Link href={`/workflows/${run.workflowId}`} className="hover:text-indigo-600">
                {run.workflowName}
              </Link>
            </h1>
            <RunStatusBadge status={run.status} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <LiveIndicator connection={connection} />
          {canEdit ? <RerunButtons runId={run.id} /> : null}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
        <Fact term="Version">v{run.versionNumber}</Fact>
        <Fact term="Trigger">{triggerLabels[run.triggerKind]}</Fact>
        <Fact term="Created">
          <RelativeTime iso={run.createdAt} />
        </Fact>
        <Fact term="Duration">
          {run.durationMs === null && !isFinished ? "In progress" : formatDuration(run.durationMs)}
        </Fact>
      </dl>

      {run.error ? (
        <div className="rounded-lg bg-rose-50 px-4 py-3 ring-1 ring-inset ring-rose-200">
          <p className="text-sm font-medium text-rose-800">The run failed</p>
          <p className="mt-1 break-words font-mono text-xs text-rose-700">{run.error}</p>
        </div>
      ) : null}
    </header>
  );
}

/** Starts the run again with the same trigger data and opens the new run. */
function RerunButtons({ runId }: { runId: string }) {
  const rerun = useRerun();
  const router = useRouter();

  function start(version: RerunInput["version"]) {
    rerun.mutate(
      { runId, version },
      { onSuccess: (newRunId) => router.push(`/runs/${encodeURIComponent(newRunId)}`) },
    );
  }

  return (
    <>
      <Button disabled={rerun.isPending} onClick={() => start("pinned")}>
        Re-run
      </Button>
      <Button disabled={rerun.isPending} onClick={() => start("current")}>
        Re-run on current version
      </Button>
      {rerun.isError ? (
        <p role="alert" className="w-full text-right text-xs text-rose-600">
          {rerun.error.message}
        </p>
      ) : null}
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}
