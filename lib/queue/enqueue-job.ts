import type { Tx } from "../db/client";

export type JobKind = "execute_run" | "attempt_delivery";

/**
 * Adds a job inside the caller's transaction, so the job exists exactly when the work it stands
 * for does. Call `wakeWorkers()` after the transaction commits.
 */
export async function enqueueJob(
  tx: Tx,
  job: { kind: JobKind; subjectId: string; runAt?: Date; concurrencyKey?: string | null },
): Promise<{ id: string }> {
  return tx.job.create({
    data: {
      kind: job.kind,
      subjectId: job.subjectId,
      runAt: job.runAt ?? new Date(),
      concurrencyKey: job.concurrencyKey ?? null,
    },
    select: { id: true },
  });
}
