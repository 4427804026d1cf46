import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import { sqliteTimestamp } from "../db/sqlite-connection";

/** The claim a write is fenced by: this job, still running, under this worker and attempt. */
export type JobClaim = { id: string; status: string; lockedBy: string; attempts: number };

/** A finished claim: done, or queued again for `runAt`. */
export type JobFinish =
  | { status: "done"; lockedBy: null; lockedUntil: null }
  | { status: "queued"; runAt: Date; lockedBy: null; lockedUntil: null; lastError: string };

/**
 * Writes a job's outcome if the claim is still the job's; returns how many rows changed (0 when
 * the lease was lost or released meanwhile). Every delivery ends here, so this is one SQL
 * statement on the driver rather than a Prisma query.
 */
export async function finishClaimedJob(
  db: Db,
  claim: JobClaim,
  finish: JobFinish,
): Promise<number> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const isQueued = finish.status === "queued";
    const result = await pool.query({
      name: "switchyard_finish_job",
      text: `UPDATE "Job" SET status = $1, "runAt" = COALESCE($2::timestamp, "runAt"),
         "lockedBy" = NULL, "lockedUntil" = NULL,
         "lastError" = CASE WHEN $1 = 'queued' THEN $3 ELSE "lastError" END,
         "updatedAt" = $4::timestamp
       WHERE id = $5 AND status = $6 AND "lockedBy" = $7 AND attempts = $8`,
      values: [
        finish.status,
        isQueued ? finish.runAt.toISOString() : null,
        isQueued ? finish.lastError : null,
        new Date().toISOString(),
        claim.id,
        claim.status,
        claim.lockedBy,
        claim.attempts,
      ],
    });
    return result.rowCount ?? 0;
  }
  const connection = await sqliteConnectionOf(db);
  if (!connection) {
    const { count } = await db.job.updateMany({ where: claim, data: finish });
    return count;
  }
  const now = sqliteTimestamp(new Date());
  return connection.run((sql) =>
    finish.status === "done"
      ? sql.run(
          `UPDATE "Job" SET status = 'done', "lockedBy" = NULL, "lockedUntil" = NULL,
             "updatedAt" = ?
           WHERE id = ? AND status = ? AND "lockedBy" = ? AND attempts = ?`,
          now,
          claim.id,
          claim.status,
          claim.lockedBy,
          claim.attempts,
        )
      : sql.run(
          `UPDATE "Job" SET status = 'queued', "runAt" = ?, "lockedBy" = NULL,
             "lockedUntil" = NULL, "lastError" = ?, "updatedAt" = ?
           WHERE id = ? AND status = ? AND "lockedBy" = ? AND attempts = ?`,
          sqliteTimestamp(finish.runAt),
          finish.lastError,
          now,
          claim.id,
          claim.status,
          claim.lockedBy,
          claim.attempts,
        ),
  );
}
