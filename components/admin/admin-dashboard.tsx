"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { adminKeys, adminStatsQueryOptions } from "@/lib/client/admin-queries";
import { useLiveEvents, useThrottledCallback } from "@/lib/client/use-live-events";
import { LiveIndicator } from "../ui/live-indicator";
import { RelativeTime } from "../ui/relative-time";
import { FailingEndpoints } from "./failing-endpoints";
import { QueueAndWorker } from "./queue-and-worker";
import { RedactionPanel } from "./redaction-panel";
import { RetentionPanel } from "./retention-panel";
import { StatCards } from "./stat-cards";
import { UsersPanel } from "./users-panel";

/** Every event moves some figure, and the stats query is not cheap: at most one refetch a second. */
const STATS_REFETCH_INTERVAL_MS = 1_000;

/** Health, throughput and people of the workspace, kept current by live events. */
export function AdminDashboard() {
  const queryClient = useQueryClient();
  const stats = useQuery(adminStatsQueryOptions());

  const refetchStats = useThrottledCallback(
    () => void queryClient.invalidateQueries({ queryKey: adminKeys.stats }),
    STATS_REFETCH_INTERVAL_MS,
  );
  const connection = useLiveEvents(refetchStats, { onReconnect: refetchStats });

  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-6xl space-y-8 px-6 py-8">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Admin</h1>
            <p className="mt-0.5 text-sm text-slate-500">
              Health, throughput and people of this workspace.
            </p>
          </div>
          <div className="flex items-center gap-3 text-xs text-slate-500">
            {stats.dataUpdatedAt > 0 ? (
              <span>
                Updated <RelativeTime iso={new Date(stats.dataUpdatedAt).toISOString()} />
              </span>
            ) : null}
            <LiveIndicator connection={connection} />
          </div>
        </header>

        {stats.isPending ? (
          <div
            aria-busy="true"
            aria-label="Loading statistics"
            className="grid grid-cols-2 gap-4 lg:grid-cols-5"
          >
            {Array.from({ length: 5 }, (_, index) => (
              <div
                key={index}
                className="h-24 animate-pulse rounded-lg bg-white ring-1 ring-slate-200"
              />
            ))}
          </div>
        ) : stats.isError ? (
          <p
            role="alert"
            className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-700 ring-1 ring-inset ring-rose-200"
          >
            The statistics could not be loaded: {stats.error.message}
          </p>
        ) : (
          <>
            <StatCards stats={stats.data} />
            <div className="grid items-start gap-4 lg:grid-cols-3">
              <div className="lg:col-span-2">
                <FailingEndpoints endpoints={stats.data.failingEndpoints} />
              </div>
              <QueueAndWorker queue={stats.data.queue} worker={stats.data.worker} />
            </div>
          </>
        )}

        <RetentionPanel />

        <RedactionPanel />

        <UsersPanel />
      </div>
    </div>
  );
}
