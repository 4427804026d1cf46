import type { ReactNode } from "react";
import type { AdminStatsView } from "@/lib/api/views";
import { RelativeTime } from "../ui/relative-time";
import { Badge } from "../ui/badge";

type QueueAndWorkerProps = Pick<AdminStatsView, "queue" | "worker">;

const modeLabels: Record<AdminStatsView["worker"]["mode"], string> = {
  embedded: "Embedded",
  external: "External",
};

/** How much work is waiting, and whether anything is working on it. */
export function QueueAndWorker({ queue, worker }: QueueAndWorkerProps) {
  return (
    <section
      aria-labelledby="queue-heading"
      className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <h2
        id="queue-heading"
        className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900"
      >
        Queue and worker
      </h2>
      <dl className="grid grid-cols-4 divide-x divide-slate-100 border-b border-slate-100 text-center">
        <QueueCount label="Queued" value={queue.queued} />
        <QueueCount label="Running" value={queue.running} />
        <QueueCount label="Scheduled" value={queue.scheduled} />
        <QueueCount label="Failed" value={queue.failed} isAlarming={queue.failed > 0} />
      </dl>
      <dl className="space-y-2.5 px-4 py-3 text-sm">
        <Row term="Mode">{modeLabels[worker.mode]}</Row>
        <Row term="State">
          <Badge tone={worker.isRunning ? "green" : "red"}>
            {worker.isRunning ? "Running" : "Stopped"}
          </Badge>
        </Row>
        <Row term="Last heartbeat">
          {worker.lastHeartbeatAt ? <RelativeTime iso={worker.lastHeartbeatAt} /> : "Never"}
        </Row>
        <Row term="Processed jobs">
          <span className="tabular-nums">{worker.processedJobs.toLocaleString("en")}</span>
        </Row>
      </dl>
    </section>
  );
}

function QueueCount({
  label,
  value,
  isAlarming = false,
}: {
  label: string;
  value: number;
  isAlarming?: boolean;
}) {
  return (
    <div className="flex flex-col px-2 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={`order-first text-xl font-semibold tabular-nums ${isAlarming ? "text-rose-700" : "text-slate-900"}`}
      >
        {value}
      </dd>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3">
      <dt className="text-slate-500">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
