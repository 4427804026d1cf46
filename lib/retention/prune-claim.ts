import "server-only";
import type { Db } from "../db/client";
import { RETENTION_SETTINGS_ID } from "./retention-settings";

/**
 * Takes the installation's prune claim for `leaseMs` unless another pruner holds a live one.
 * One conditional UPDATE on the settings row: on PostgreSQL the row lock makes concurrent
 * claims wait and re-check the condition, so exactly one of several worker processes wins; a
 * pruner that died leaves a claim that simply runs out. The row must exist.
 */
export async function claimPrune(
  db: Db,
  prunerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const { count } = await db.retentionSettings.updateMany({
    where: {
      id: RETENTION_SETTINGS_ID,
      OR: [{ pruneClaimedUntil: null }, { pruneClaimedUntil: { lt: now } }],
    },
    data: {
      pruneClaimedBy: prunerId,
      pruneClaimedUntil: new Date(now.getTime() + leaseMs),
      lastPruneStartedAt: now,
    },
  });
  return count === 1;
}

/** Extends a claim this pruner holds; false when it lost it (it ran out and was taken). */
export async function renewPruneClaim(
  db: Db,
  prunerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const { count } = await db.retentionSettings.updateMany({
    where: { id: RETENTION_SETTINGS_ID, pruneClaimedBy: prunerId },
    data: { pruneClaimedUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** What a finished pass stores beside the settings, for the admin dashboard. */
export type PruneRecord = {
  finishedAt: Date;
  bodiesCleared: number;
  exchangesDeleted: number;
  runsDeleted: number;
  jobsDeleted: number;
  pagesFreed: number | null;
  bytesFreed: number | null;
  error: string | null;
};

/** Records a pass's outcome and gives the claim up, if this pruner still holds it. */
export async function releasePruneClaim(
  db: Db,
  prunerId: string,
  record: PruneRecord,
): Promise<void> {
  await db.retentionSettings.updateMany({
    where: { id: RETENTION_SETTINGS_ID, pruneClaimedBy: prunerId },
    data: {
      pruneClaimedBy: null,
      pruneClaimedUntil: null,
      lastPruneFinishedAt: record.finishedAt,
      lastBodiesCleared: record.bodiesCleared,
      lastExchangesDeleted: record.exchangesDeleted,
      lastRunsDeleted: record.runsDeleted,
      lastJobsDeleted: record.jobsDeleted,
      lastPagesFreed: record.pagesFreed,
      lastBytesFreed: record.bytesFreed === null ? null : BigInt(record.bytesFreed),
      lastPruneError: record.error,
    },
  });
}
