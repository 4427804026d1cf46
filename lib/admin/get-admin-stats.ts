import type { AdminStatsView } from "../api/views";
import { getDb } from "../db/client";
import { toEndpointView } from "../deliveries/enable-endpoint";
import { getProcessWorker } from "../queue/worker-registry";
import { percentile } from "./percentile";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Run durations of the last day beyond this many are left out of the percentiles. */
const DURATION_SAMPLE = 10_000;

/** Health and throughput of one workspace, plus the queue and worker of this installation. */
export async function getAdminStats(
  workspaceId: string,
  now = new Date(),
): Promise<AdminStatsView> {
  const db = getDb();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const inDay = { workspaceId, createdAt: { gte: dayAgo } };

  const [
    total,
    active,
    runsHour,
    runsDay,
    succeeded,
    failed,
    durations,
    exchangesHour,
    exchangesDay,
  ] = await Promise.all([
    db.workflow.count({ where: { workspaceId } }),
    db.workflow.count({ where: { workspaceId, isActive: true } }),
    db.run.count({ where: { workspaceId, createdAt: { gte: hourAgo } } }),
    db.run.count({ where: inDay }),
    db.run.count({ where: { ...inDay, status: "succeeded" } }),
    db.run.count({ where: { ...inDay, status: "failed" } }),
    db.run.findMany({
      where: { ...inDay, durationMs: { not: null } },
      select: { durationMs: true },
      orderBy: { createdAt: "desc" },
      take: DURATION_SAMPLE,
    }),
    db.exchange.count({ where: { workspaceId, createdAt: { gte: hourAgo } } }),
    db.exchange.count({ where: inDay }),
  ]);

  const ms = durations.map((run) => run.durationMs ?? 0);
  return {
    workflows: { total, active },
    runs: {
      lastHour: runsHour,
      lastDay: runsDay,
      succeededLastDay: succeeded,
      failedLastDay: failed,
    },
    runSuccessRate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    runDurationMs: { p50: percentile(ms, 50), p95: percentile(ms, 95) },
    exchanges: { lastHour: exchangesHour, lastDay: exchangesDay },
    failingEndpoints: await failingEndpoints(workspaceId, dayAgo),
    disabledEndpoints: await disabledEndpoints(workspaceId),
    queue: await queueDepth(now),
    worker: workerState(),
  };
}

async function failingEndpoints(
  workspaceId: string,
  since: Date,
): Promise<AdminStatsView["failingEndpoints"]> {
  const db = getDb();
  const where = {
    workspaceId,
    createdAt: { gte: since },
    kind: { in: ["api_call", "webhook_attempt"] },
    outcome: { not: "success" },
  };
  const groups = await db.exchange.groupBy({
    by: ["url"],
    where,
    _count: { _all: true },
    orderBy: { _count: { url: "desc" } },
    take: 5,
  });
  return Promise.all(
    groups.map(async (group) => {
      const last = await db.exchange.findFirst({
        where: { ...where, url: group.url },
        orderBy: { createdAt: "desc" },
        select: { responseStatus: true, error: true },
      });
      return {
        url: group.url,
        failures: group._count._all,
        lastStatus: last?.responseStatus ?? null,
        lastError: last?.error ?? null,
      };
    }),
  );
}

/** The most disabled endpoints the dashboard lists, most recently disabled first. */
const DISABLED_ENDPOINTS_SHOWN = 50;

async function disabledEndpoints(
  workspaceId: string,
): Promise<AdminStatsView["disabledEndpoints"]> {
  const endpoints = await getDb().endpoint.findMany({
    where: { workspaceId, status: "disabled" },
    orderBy: { disabledAt: "desc" },
    take: DISABLED_ENDPOINTS_SHOWN,
  });
  return endpoints.map(toEndpointView);
}

async function queueDepth(now: Date): Promise<AdminStatsView["queue"]> {
  const db = getDb();
  const [queued, scheduled, running, failed] = await Promise.all([
    db.job.count({ where: { status: "queued", runAt: { lte: now } } }),
    db.job.count({ where: { status: "queued", runAt: { gt: now } } }),
    db.job.count({ where: { status: "running" } }),
    db.job.count({ where: { status: "failed" } }),
  ]);
  return { queued, running, scheduled, failed };
}

function workerState(): AdminStatsView["worker"] {
  const state = getProcessWorker()?.state();
  return {
    mode: state ? "embedded" : "external",
    isRunning: state?.isRunning ?? false,
    lastHeartbeatAt: state?.lastHeartbeatAt?.toISOString() ?? null,
    processedJobs: state?.processedJobs ?? 0,
  };
}
