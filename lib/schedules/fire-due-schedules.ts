import "server-only";
import type { Db } from "../db/client";
import { isUniqueConflict } from "../db/unique-conflict";
import { wakeWorkers } from "../events/event-bus";
import { enqueueRun } from "../engine/enqueue-run";
import { log } from "../log";
import { scheduleTriggerConfigSchema } from "../workflow/schedule-trigger-node-type";
import { nextFireTime } from "../workflow/schedule-times";
import { parseStoredGraph } from "../workflows/stored-graph";

/** One Schedule trigger of an active workflow's published version. */
type LiveSchedule = {
  workspaceId: string;
  workflowId: string;
  versionId: string;
  nodeId: string;
  cron: string;
  timezone: string;
};

type ScheduleRow = {
  id: string;
  versionId: string;
  cron: string;
  timezone: string;
  nextFireAt: Date;
};

/**
 * Starts a run for every Schedule trigger whose tick has come, once per tick however many
 * workers call this at the same moment. The claim is a compare-and-set on the schedule's row:
 * the worker that moves `nextFireAt` from the due tick to the next one after `now` creates the
 * run in the same transaction; the others change nothing. Ticks missed while no worker ran are
 * not made up: the first claim after fires once and moves on to the next tick after `now`.
 *
 * A schedule first seen (just activated, or changed) fires at its next tick after `now`, never
 * for a tick before it. Rows of schedules that are no longer live are deleted.
 *
 * @returns how many runs this call started
 */
export async function fireDueSchedules(db: Db, now: Date): Promise<number> {
  const live = await loadLiveSchedules(db);
  await deleteStaleRows(db, live);

  let started = 0;
  for (const schedule of live) {
    const row = await ensureRow(db, schedule, now);
    if (row === null || row.nextFireAt > now) continue;
    if (await claimTick(db, schedule, row, now)) started += 1;
  }
  if (started > 0) wakeWorkers();
  return started;
}

/** Only published versions with a Schedule trigger are read, and only their graphs parsed. */
async function loadLiveSchedules(db: Db): Promise<LiveSchedule[]> {
  const workflows = await db.workflow.findMany({
    where: { isActive: true, activeVersion: { graph: { contains: '"schedule-trigger"' } } },
    select: { id: true, workspaceId: true, activeVersion: { select: { id: true, graph: true } } },
  });
  return workflows.flatMap((workflow) => {
    const version = workflow.activeVersion;
    if (version === null) return [];
    return parseStoredGraph(version.graph).nodes.flatMap((node) => {
      if (node.type !== "schedule-trigger") return [];
      const config = scheduleTriggerConfigSchema.safeParse(node.config);
      if (!config.success) return [];
      const { cron, timezone } = config.data;
      return [
        {
          workspaceId: workflow.workspaceId,
          workflowId: workflow.id,
          versionId: version.id,
          nodeId: node.id,
          cron,
          timezone,
        },
      ];
    });
  });
}

async function deleteStaleRows(db: Db, live: readonly LiveSchedule[]): Promise<void> {
  const keep = live.map(({ workflowId, nodeId }) => ({ workflowId, nodeId }));
  await db.schedule.deleteMany({ where: keep.length === 0 ? {} : { NOT: { OR: keep } } });
}

/**
 * The schedule's row, created or reset for its current version, cron and zone with the next
 * tick after `now`. Two workers that create it together meet on the unique key; the loser
 * reads the winner's row.
 */
async function ensureRow(db: Db, schedule: LiveSchedule, now: Date): Promise<ScheduleRow | null> {
  const { workflowId, nodeId, versionId, cron, timezone } = schedule;
  const key = { workflowId_nodeId: { workflowId, nodeId } };
  const row = await db.schedule.findUnique({ where: key });
  const nextFireAt = nextFireTime(cron, timezone, now);

  if (row === null) {
    try {
      return await db.schedule.create({
        data: { workflowId, nodeId, versionId, cron, timezone, nextFireAt },
      });
    } catch (error) {
      if (isUniqueConflict(error)) return db.schedule.findUnique({ where: key });
      throw error;
    }
  }
  if (row.versionId === versionId && row.cron === cron && row.timezone === timezone) return row;

  await db.schedule.updateMany({
    where: { id: row.id, versionId: row.versionId, cron: row.cron, timezone: row.timezone },
    data: { versionId, cron, timezone, nextFireAt },
  });
  return db.schedule.findUnique({ where: key });
}

/** Moves the row past `now` if it still holds the due tick, and starts the tick's run with it. */
async function claimTick(
  db: Db,
  schedule: LiveSchedule,
  row: ScheduleRow,
  now: Date,
): Promise<boolean> {
  const tick = row.nextFireAt;
  const nextFireAt = nextFireTime(schedule.cron, schedule.timezone, now);
  const runId = await db.$transaction(async (tx) => {
    const { count } = await tx.schedule.updateMany({
      where: { id: row.id, nextFireAt: tick, versionId: schedule.versionId },
      data: { nextFireAt, lastFiredAt: tick },
    });
    if (count === 0) return null;
    const run = await enqueueRun(tx, {
      workspaceId: schedule.workspaceId,
      workflowId: schedule.workflowId,
      versionId: schedule.versionId,
      triggerKind: "schedule",
      triggerNodeId: schedule.nodeId,
      triggerData: {
        scheduledAt: tick.toISOString(),
        firedAt: now.toISOString(),
        cron: schedule.cron,
        timezone: schedule.timezone,
      },
    });
    return run.id;
  });
  if (runId === null) return false;

  const { workflowId, nodeId } = schedule;
  log.info({ workflowId, nodeId, runId, scheduledAt: tick.toISOString() }, "schedule fired");
  return true;
}
