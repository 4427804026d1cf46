import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import { sqliteTimestamp, type SqliteConnection } from "../db/sqlite-connection";
import type { Prisma } from "../db/generated/client";
import type { JobKind } from "./enqueue-job";

export type ClaimedJob = { id: string; kind: JobKind; subjectId: string; attempts: number };

const CANDIDATES = 8;

/** Jobs of one concurrency key (one endpoint) that may run at once, across all workers. */
export const DEFAULT_MAX_RUNNING_PER_KEY = 2;

export type ClaimOptions = { maxRunningPerKey?: number };

type ClaimedRow = { id: string; kind: string; subjectId: string; attempts: number };

/**
 * Claims up to `limit` due jobs at once, as `claimJob` would one by one. On SQLite the whole
 * batch is one transaction of prepared statements on the connection (see SqliteConnection):
 * the claim is the delivery path's most frequent write, and the per-key limit is kept within
 * the batch too. On PostgreSQL each claim is its own SKIP LOCKED statement.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  leaseMs: number,
  now: Date,
  limit: number,
  options: ClaimOptions = {},
): Promise<ClaimedJob[]> {
  const maxRunningPerKey = options.maxRunningPerKey ?? DEFAULT_MAX_RUNNING_PER_KEY;
  const connection = await sqliteConnectionOf(db);
  if (connection) {
    const rows = await claimOnSqlite(connection, {
      workerId,
      leaseMs,
      now,
      limit,
      maxRunningPerKey,
    });
    const claimed: ClaimedJob[] = [];
    for (const row of rows) {
      const job = await acceptClaim(db, row);
      if (job) claimed.push(job);
    }
    return claimed;
  }
  const claimed: ClaimedJob[] = [];
  while (claimed.length < limit) {
    const job = await claimJob(db, workerId, leaseMs, now, options);
    if (!job) break;
    claimed.push(job);
  }
  return claimed;
}

type SqliteClaim = {
  workerId: string;
  leaseMs: number;
  now: Date;
  limit: number;
  maxRunningPerKey: number;
};

type CandidateRow = {
  id: string;
  kind: string;
  subjectId: string;
  attempts: number;
  concurrencyKey: string | null;
};

function claimOnSqlite(connection: SqliteConnection, claim: SqliteClaim): Promise<ClaimedRow[]> {
  const now = sqliteTimestamp(claim.now);
  const lockedUntil = sqliteTimestamp(new Date(claim.now.getTime() + claim.leaseMs));
  return connection.run((sql) => {
    const running = new Map(
      sql
        .all<{ concurrencyKey: string; running: number }>(
          `SELECT "concurrencyKey", count(*) AS running FROM "Job"
           WHERE status = 'running' AND "lockedUntil" >= ? AND "concurrencyKey" IS NOT NULL
           GROUP BY "concurrencyKey"`,
          now,
        )
        .map((row) => [row.concurrencyKey, row.running]),
    );
    const saturatedKeys = () =>
      JSON.stringify(
        [...running].flatMap(([key, count]) => (count >= claim.maxRunningPerKey ? [key] : [])),
      );
    const claimed: ClaimedRow[] = [];
    // Each round leaves out the keys that are full, including those this batch filled, and the
    // jobs it claimed (no longer queued); a round that claims nothing ends the batch.
    for (let round = 0; claimed.length < claim.limit && round <= claim.limit; round += 1) {
      const wanted = claim.limit - claimed.length;
      // Due queued jobs first; jobs whose worker died only when nothing is due.
      const candidatesWhere = (condition: string) =>
        sql.all<CandidateRow>(
          `SELECT id, kind, "subjectId", attempts, "concurrencyKey" FROM "Job"
           WHERE ${condition}
             AND ("concurrencyKey" IS NULL
               OR "concurrencyKey" NOT IN (SELECT value FROM json_each(?)))
           ORDER BY "runAt" LIMIT ?`,
          now,
          saturatedKeys(),
          wanted,
        );
      let candidates = candidatesWhere(`status = 'queued' AND "runAt" <= ?`);
      if (candidates.length === 0 && claimed.length === 0) {
        candidates = candidatesWhere(`status = 'running' AND "lockedUntil" < ?`);
      }
      const before = claimed.length;
      for (const candidate of candidates) {
        const key = candidate.concurrencyKey;
        if (key !== null) {
          const count = running.get(key) ?? 0;
          if (count >= claim.maxRunningPerKey) continue;
          running.set(key, count + 1);
        }
        // The write lock is held from the first statement (IMMEDIATE), so no other worker can
        // claim between the reads above and this update.
        sql.run(
          `UPDATE "Job" SET status = 'running', "lockedBy" = ?, "lockedUntil" = ?,
             attempts = attempts + 1, "updatedAt" = ?
           WHERE id = ?`,
          claim.workerId,
          lockedUntil,
          now,
          candidate.id,
        );
        claimed.push({
          id: candidate.id,
          kind: candidate.kind,
          subjectId: candidate.subjectId,
          attempts: candidate.attempts + 1,
        });
      }
      if (claimed.length === before) break;
    }
    return claimed;
  });
}

/**
 * Claims one due job under a lease: a queued job whose time has come, or a running job whose
 * lease ran out because its worker died. The claim is a compare-and-set on the row's
 * `updatedAt`, so two workers can never both win the same job; the loser tries the next one.
 *
 * Jobs whose concurrency key already has `maxRunningPerKey` jobs running under live leases are
 * passed over, so one slow endpoint cannot take every worker slot. The limit is checked before
 * the claim, not within it: workers claiming at the same instant can exceed it by one each.
 */
export async function claimJob(
  db: Db,
  workerId: string,
  leaseMs: number,
  now: Date,
  options: ClaimOptions = {},
): Promise<ClaimedJob | null> {
  const maxRunningPerKey = options.maxRunningPerKey ?? DEFAULT_MAX_RUNNING_PER_KEY;
  if (postgresPoolOf(db)) {
    return claimWithSkipLocked(db, workerId, leaseMs, now, maxRunningPerKey);
  }
  const saturatedKeys = await findSaturatedKeys(db, now, maxRunningPerKey);
  const keyFilter = unsaturatedFilter(saturatedKeys);
  // Two index-backed queries instead of one OR: due queued jobs by (status, runAt), then, only
  // when none is due, jobs whose worker died by (status, lockedUntil).
  const due = await findCandidates(db, { status: "queued", runAt: { lte: now }, ...keyFilter });
  const candidates =
    due.length > 0
      ? due
      : await findCandidates(db, { status: "running", lockedUntil: { lt: now }, ...keyFilter });

  for (const job of candidates) {
    const { count } = await db.job.updateMany({
      // An expired lease is taken over only while it is still expired: a renewal that lands in
      // the same millisecond as this read must win.
      where: {
        id: job.id,
        status: job.status,
        updatedAt: job.updatedAt,
        ...(job.status === "running" ? { lockedUntil: { lt: now } } : {}),
      },
      data: {
        status: "running",
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
        attempts: { increment: 1 },
      },
    });
    if (count !== 1) continue;
    const claimed = await acceptClaim(db, { ...job, attempts: job.attempts + 1 });
    if (claimed) return claimed;
  }
  return null;
}

/** Hands a claimed row to the worker, or fails it when its kind is unknown to this version. */
async function acceptClaim(db: Db, row: ClaimedRow): Promise<ClaimedJob | null> {
  if (isJobKind(row.kind)) return { ...row, kind: row.kind };
  // A kind this version does not know (written by a newer one) must not bounce forever.
  await db.job.update({
    where: { id: row.id },
    data: {
      status: "failed",
      lockedBy: null,
      lockedUntil: null,
      lastError: `Unknown job kind ${row.kind}`,
    },
  });
  return null;
}

/**
 * PostgreSQL claims in one statement per pass: the candidate row is locked with FOR UPDATE SKIP
 * LOCKED, so concurrent workers each take a different row instead of racing for the same one,
 * and a row another transaction changed meanwhile is re-checked against the conditions before
 * it is taken. Same passes and the same per-key limit as the portable claim above.
 */
async function claimWithSkipLocked(
  db: Db,
  workerId: string,
  leaseMs: number,
  now: Date,
  maxRunningPerKey: number,
): Promise<ClaimedJob | null> {
  const pool = postgresPoolOf(db);
  if (!pool) throw new Error("SKIP LOCKED claims need a PostgreSQL client");
  const lockedUntil = new Date(now.getTime() + leaseMs);
  // Two statements, not one with OR, so each pass is planned on its own index.
  // Named, so each pooled connection plans each pass once.
  const passes = [
    { name: "switchyard_claim_due", condition: `status = 'queued' AND "runAt" <= $1::timestamp` },
    {
      name: "switchyard_claim_expired",
      condition: `status = 'running' AND "lockedUntil" < $1::timestamp`,
    },
  ];
  for (const { name, condition } of passes) {
    const { rows } = await pool.query<ClaimedRow>({
      name,
      text: `WITH saturated AS (
         SELECT "concurrencyKey" FROM "Job"
         WHERE status = 'running' AND "lockedUntil" >= $1::timestamp
           AND "concurrencyKey" IS NOT NULL
         GROUP BY "concurrencyKey"
         HAVING count(*) >= $2
       ),
       candidate AS (
         SELECT id FROM "Job"
         WHERE ${condition}
           AND ("concurrencyKey" IS NULL
             OR "concurrencyKey" NOT IN (SELECT "concurrencyKey" FROM saturated))
         ORDER BY "runAt"
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       UPDATE "Job" AS job
       SET status = 'running', "lockedBy" = $3, "lockedUntil" = $4::timestamp,
           attempts = job.attempts + 1, "updatedAt" = $1::timestamp
       FROM candidate
       WHERE job.id = candidate.id
       RETURNING job.id, job.kind, job."subjectId", job.attempts`,
      values: [now.toISOString(), maxRunningPerKey, workerId, lockedUntil.toISOString()],
    });
    const row = rows[0];
    if (!row) continue;
    const claimed = await acceptClaim(db, row);
    // An unknown kind was failed; the next pass or the next call claims something else.
    if (claimed) return claimed;
    return claimWithSkipLocked(db, workerId, leaseMs, now, maxRunningPerKey);
  }
  return null;
}

const candidateSelect = {
  id: true,
  kind: true,
  subjectId: true,
  attempts: true,
  status: true,
  updatedAt: true,
} as const;

function findCandidates(db: Db, where: Prisma.JobWhereInput) {
  return db.job.findMany({
    where,
    orderBy: { runAt: "asc" },
    take: CANDIDATES,
    select: candidateSelect,
  });
}

/** Concurrency keys with `limit` or more jobs running under a lease that has not run out. */
async function findSaturatedKeys(db: Db, now: Date, limit: number): Promise<string[]> {
  const groups = await db.job.groupBy({
    by: ["concurrencyKey"],
    where: { status: "running", lockedUntil: { gte: now }, concurrencyKey: { not: null } },
    _count: { _all: true },
  });
  return groups
    .filter((group) => group._count._all >= limit)
    .flatMap((group) => (group.concurrencyKey === null ? [] : [group.concurrencyKey]));
}

/**
 * The earliest time a queued job that could be claimed becomes due, so an idle worker can sleep
 * until then. Jobs held back by their concurrency key are left out: the worker is woken when one
 * of its own jobs finishes, and polls for those of other workers.
 */
export async function nextDueAt(db: Db, now: Date = new Date()): Promise<Date | null> {
  const saturatedKeys = await findSaturatedKeys(db, now, DEFAULT_MAX_RUNNING_PER_KEY);
  const next = await db.job.findFirst({
    where: {
      status: "queued",
      ...unsaturatedFilter(saturatedKeys),
    },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}

function unsaturatedFilter(saturatedKeys: string[]) {
  if (saturatedKeys.length === 0) return {};
  return { OR: [{ concurrencyKey: null }, { concurrencyKey: { notIn: saturatedKeys } }] };
}

function isJobKind(kind: string): kind is JobKind {
  return kind === "execute_run" || kind === "attempt_delivery";
}
