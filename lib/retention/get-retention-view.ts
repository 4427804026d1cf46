import "server-only";
import type { RetentionView } from "../api/views";
import type { Db } from "../db/client";
import type { DatabaseTarget } from "../env";
import { defaultRetentionPolicy } from "./retention-policy";
import { RETENTION_SETTINGS_ID } from "./retention-settings";
import { isSqliteFileIncremental } from "./shrink-sqlite-file";

/** The retention settings and the last prune's figures, as the admin dashboard shows them. */
export async function getRetentionView(
  db: Db,
  database: DatabaseTarget,
  now = new Date(),
): Promise<RetentionView> {
  const row = await db.retentionSettings.findUnique({ where: { id: RETENTION_SETTINGS_ID } });
  const isFileShrinking =
    database.kind === "sqlite" ? isSqliteFileIncremental(database.path) : null;
  if (!row) {
    return { ...defaultRetentionPolicy, isPruning: false, lastPrune: null, isFileShrinking };
  }

  return {
    bodyRetentionHours: row.bodyRetentionHours,
    metadataRetentionHours: row.metadataRetentionHours,
    isPruning: row.pruneClaimedUntil !== null && row.pruneClaimedUntil > now,
    lastPrune: row.lastPruneFinishedAt
      ? {
          startedAt: row.lastPruneStartedAt?.toISOString() ?? null,
          finishedAt: row.lastPruneFinishedAt.toISOString(),
          bodiesCleared: row.lastBodiesCleared,
          exchangesDeleted: row.lastExchangesDeleted,
          runsDeleted: row.lastRunsDeleted,
          jobsDeleted: row.lastJobsDeleted,
          pagesFreed: row.lastPagesFreed,
          bytesFreed: row.lastBytesFreed === null ? null : Number(row.lastBytesFreed),
          error: row.lastPruneError,
        }
      : null,
    isFileShrinking,
  };
}
