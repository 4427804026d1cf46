"use client";

import type { ReactNode } from "react";
import type { RetentionView } from "@/lib/api/views";
import { usePruneNow } from "@/lib/client/retention-queries";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { formatBytes } from "../ui/format";
import { RelativeTime } from "../ui/relative-time";

/** What the last prune removed and gave back, and a button to prune at once. */
export function LastPrune({ retention }: { retention: RetentionView }) {
  const prune = usePruneNow();
  const last = retention.lastPrune;
  const isBusy = prune.isPending || retention.isPruning;

  return (
    <div className="space-y-3 px-4 py-4">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">Last prune</h3>
        <Button disabled={isBusy} onClick={() => prune.mutate()}>
          {isBusy ? "Pruning…" : "Prune now"}
        </Button>
      </div>
      {last ? (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2.5 text-sm">
          <Figure term="Finished">
            <RelativeTime iso={last.finishedAt} />
          </Figure>
          <Figure term="Bodies cleared">{last.bodiesCleared.toLocaleString("en")}</Figure>
          <Figure term="Exchanges deleted">{last.exchangesDeleted.toLocaleString("en")}</Figure>
          <Figure term="Runs deleted">{last.runsDeleted.toLocaleString("en")}</Figure>
          <Figure term="Jobs deleted">{last.jobsDeleted.toLocaleString("en")}</Figure>
          <Figure term="File space freed">
            {last.bytesFreed === null
              ? "Not measured"
              : `${formatBytes(last.bytesFreed)} (${(last.pagesFreed ?? 0).toLocaleString("en")} pages)`}
          </Figure>
        </dl>
      ) : (
        <p className="text-sm text-slate-500">
          Nothing pruned yet. The worker prunes every few minutes.
        </p>
      )}
      {last?.error ? (
        <p className="break-words text-xs text-rose-600">The last prune failed: {last.error}</p>
      ) : null}
      <FileNote isFileShrinking={retention.isFileShrinking} />
      {prune.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700">
          Pruned: {summaryOf(prune.data.lastPrune)}.
        </p>
      ) : null}
      {prune.isError ? (
        <p role="alert" className="text-sm text-rose-600">
          {prune.error.message}
        </p>
      ) : null}
    </div>
  );
}

function summaryOf(last: RetentionView["lastPrune"]): string {
  if (!last) return "nothing to do";
  const parts = [
    plural(last.bodiesCleared, "body", "bodies") + " cleared",
    plural(last.exchangesDeleted, "exchange", "exchanges") + " deleted",
    plural(last.runsDeleted, "run", "runs") + " deleted",
  ];
  return parts.join(", ");
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

function FileNote({ isFileShrinking }: { isFileShrinking: boolean | null }) {
  if (isFileShrinking === null) {
    return (
      <p className="text-xs text-slate-500">
        PostgreSQL reuses the space of deleted rows; its autovacuum does the rest.
      </p>
    );
  }
  return isFileShrinking ? (
    <p className="flex items-center gap-2 text-xs text-slate-500">
      <Badge tone="green">Shrinks</Badge> The SQLite file gives freed space back after each prune.
    </p>
  ) : (
    <p className="flex items-center gap-2 text-xs text-slate-500">
      <Badge tone="amber">Does not shrink</Badge> Restart with <code>npm start</code> once to switch
      the file to incremental vacuum.
    </p>
  );
}

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5 truncate text-slate-800">{children}</dd>
    </div>
  );
}
