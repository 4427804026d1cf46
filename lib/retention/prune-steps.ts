import "server-only";
import type { Db } from "../db/client";

/** One bounded statement of a prune pass: it changes at most `limit` rows and says how many. */
export type PruneStep = (limit: number) => Promise<number>;

/**
 * Clears the request and response bodies of exchanges created in [`after`, `before`), oldest
 * first, and marks them with `prunedAt`; rows older than `after` are about to be deleted whole. Every row past the window is marked, bodies or not, so the index
 * on (bodiesPrunedAt, createdAt) hands the next batch only rows still to do; the encodings stay,
 * which is how the inspector tells a removed body from one that never was.
 */
export function clearBodiesStep(db: Db, after: Date, before: Date, prunedAt: Date): PruneStep {
  return async (limit) => {
    const rows = await db.exchange.findMany({
      where: { bodiesPrunedAt: null, createdAt: { gte: after, lt: before } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.exchange.updateMany({
      where: { id: { in: rows.map((row) => row.id) } },
      data: { requestBody: null, responseBody: null, bodiesPrunedAt: prunedAt },
    });
    return count;
  };
}

/**
 * Deletes exchanges older than `before`. Replays of a deleted exchange keep their own row and
 * lose the link (the relation sets it null).
 */
export function deleteExchangesStep(db: Db, before: Date): PruneStep {
  return async (limit) => {
    const rows = await db.exchange.findMany({
      where: { createdAt: { lt: before } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.exchange.deleteMany({
      where: { id: { in: rows.map((row) => row.id) } },
    });
    return count;
  };
}

/**
 * Deletes finished runs older than `before`, with their steps and deliveries (the relations
 * cascade). A run with a delivery still pending is kept until the delivery ends, so retention
 * never cuts a retry schedule short; queued and running runs are never touched.
 */
export function deleteRunsStep(db: Db, before: Date): PruneStep {
  return async (limit) => {
    const rows = await db.run.findMany({
      where: {
        createdAt: { lt: before },
        status: { in: ["succeeded", "failed"] },
        deliveries: { none: { status: "pending" } },
      },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.run.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    return count;
  };
}

/**
 * Deletes jobs that finished (done or failed) before `before`. `runAt` is never later than the
 * finish, so the condition on it lets the (status, runAt) index narrow the scan.
 */
export function deleteJobsStep(db: Db, before: Date): PruneStep {
  return async (limit) => {
    const rows = await db.job.findMany({
      where: {
        status: { in: ["done", "failed"] },
        runAt: { lt: before },
        updatedAt: { lt: before },
      },
      take: limit,
      select: { id: true },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.job.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    return count;
  };
}

/** Deletes remembered inbound message ids whose idempotency window has passed. */
export function deleteExpiredMessagesStep(db: Db, now: Date): PruneStep {
  return async (limit) => {
    const rows = await db.inboundMessage.findMany({
      where: { expiresAt: { lt: now }, settled: true },
      take: limit,
      select: { id: true },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.inboundMessage.deleteMany({
      where: { id: { in: rows.map((row) => row.id) } },
    });
    return count;
  };
}
