import type { ReactNode } from "react";
import type { AdminStatsView } from "@/lib/api/views";
import { formatDuration } from "../ui/format";

const count = new Intl.NumberFormat("en");

/** The headline figures: workflows, run volume, success rate, run duration and traffic. */
export function StatCards({ stats }: { stats: AdminStatsView }) {
  const { workflows, runs, runSuccessRate, runDurationMs, exchanges } = stats;

  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
      <StatCard label="Workflows" value={count.format(workflows.total)}>
        {count.format(workflows.active)} active
      </StatCard>
      <StatCard label="Runs, last hour" value={count.format(runs.lastHour)}>
        {count.format(runs.lastDay)} in the last day
      </StatCard>
      <StatCard
        label="Run success rate, 24 h"
        value={runSuccessRate === null ? "—" : `${(runSuccessRate * 100).toFixed(1)}%`}
        valueClass={successRateColor(runSuccessRate)}
      >
        {count.format(runs.succeededLastDay)} succeeded · {count.format(runs.failedLastDay)} failed
      </StatCard>
      <StatCard label="Run duration, p50" value={formatDuration(runDurationMs.p50)}>
        p95 {formatDuration(runDurationMs.p95)}
      </StatCard>
      <StatCard label="Exchanges, last hour" value={count.format(exchanges.lastHour)}>
        {count.format(exchanges.lastDay)} in the last day
      </StatCard>
    </dl>
  );
}

type StatCardProps = { label: string; value: string; valueClass?: string; children: ReactNode };

function StatCard({ label, value, valueClass = "text-slate-900", children }: StatCardProps) {
  return (
    <div className="flex flex-col rounded-lg bg-white px-4 py-3.5 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums tracking-tight ${valueClass}`}>
        {value}
      </dd>
      <dd className="mt-0.5 text-xs text-slate-500">{children}</dd>
    </div>
  );
}

function successRateColor(rate: number | null): string {
  if (rate === null) return "text-slate-400";
  if (rate >= 0.95) return "text-emerald-700";
  if (rate >= 0.8) return "text-amber-700";
  return "text-rose-700";
}
