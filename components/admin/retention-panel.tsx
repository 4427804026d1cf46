"use client";

import { useQuery } from "@tanstack/react-query";
import { retentionQueryOptions } from "@/lib/client/retention-queries";
import { LastPrune } from "./last-prune";
import { RetentionForm } from "./retention-form";

/** How long the delivery log keeps bodies and rows, and what pruning last removed. */
export function RetentionPanel() {
  const retention = useQuery(retentionQueryOptions());

  return (
    <section aria-labelledby="retention-heading" className="space-y-3">
      <div>
        <h2 id="retention-heading" className="text-sm font-semibold text-slate-900">
          Retention
        </h2>
        <p className="mt-0.5 text-xs text-slate-500">
          Old bodies are cleared first; whole exchanges, finished runs and jobs go later.
        </p>
      </div>
      {retention.isPending ? (
        <p className="text-sm text-slate-500">Loading retention settings…</p>
      ) : retention.isError ? (
        <p role="alert" className="text-sm text-rose-700">
          {retention.error.message}
        </p>
      ) : (
        <div className="grid items-start divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:grid-cols-2 lg:divide-x lg:divide-y-0">
          <RetentionForm retention={retention.data} />
          <LastPrune retention={retention.data} />
        </div>
      )}
    </section>
  );
}
