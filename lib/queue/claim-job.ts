import type { Db } from "../db/client";
import type { JobKind } from "./enqueue-job";

export type ClaimedJob = { id: string; kind: JobKind; subjectId: string; attempts: number };

const CANDIDATES = 8;

/**
 * Claims one due job under a lease: a queued job whose time has come, or a running job whose
 * lease ran out because its worker died. The claim is a compare-and-set on the row's
 * `updatedAt`, so two workers can never both win the same job; the loser tries the next one.
 */
export async function claimJob(
  db: Db,
  workerId: string,
  leaseMs: number,
  now: Date,
): Promise<ClaimedJob | null> {
  const candidates = await db.job.findMany({
    where: {
      OR: [
        { status: "queued", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: CANDIDATES,
    select: {
      id: true,
      kind: true,
      subjectId: true,
      attempts: true,
      status: true,
      updatedAt: true,
    },
  });

  for (const job of candidates) {
    const { count } = await db.job.updateMany({
      where: { id: job.id, status: job.status, updatedAt: job.updatedAt },
      data: {
        status: "running",
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
        attempts: { increment: 1 },
      },
    });
    if (count !== 1) continue;
    if (isJobKind(job.kind)) {
      return { id: job.id, kind: job.kind, subjectId: job.subjectId, attempts: job.attempts + 1 };
    }
    // A kind this version does not know (written by a newer one) must not bounce forever.
    await db.job.update({
      where: { id: job.id },
      data: {
        status: "failed",
        lockedBy: null,
        lockedUntil: null,
        lastError: `Unknown job kind ${job.kind}`,
      },
    });
  }
  return null;
}

/** The earliest time a queued job becomes due, so an idle worker can sleep until then. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const next = await db.job.findFirst({
    where: { status: "queued" },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}

function isJobKind(kind: string): kind is JobKind {
  return kind === "execute_run" || kind === "attempt_delivery";
}
