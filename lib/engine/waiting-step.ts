import { z } from "zod";
import type { Db } from "../db/client";
import { log } from "../log";
import type { JobOutcome } from "../queue/worker";

const waitingOutputSchema = z.object({ waitUntil: z.iso.datetime() });

/** A step recorded as waiting, as the run executor loads it. */
export type WaitingStep = { id: string; nodeId: string; startedAt: Date; output: string | null };

export type WaitCheck =
  | { type: "waiting"; outcome: Extract<JobOutcome, { type: "retry_at" }> }
  | { type: "over"; output: { waitedUntil: string } };

/**
 * Looks at a waiting step when its run's job comes round: before the wait is over (a job
 * claimed early, or a clock that differs between workers), the job is scheduled again for the
 * wait's end; after it, the step is recorded as succeeded and the run goes on. A waiting step
 * whose output cannot be read ends its wait at once rather than waiting forever.
 */
export async function checkWaitingStep(
  db: Db,
  runId: string,
  step: WaitingStep,
  now: Date,
): Promise<WaitCheck> {
  const parsed = waitingOutputSchema.safeParse(
    step.output === null ? null : JSON.parse(step.output),
  );
  const waitUntil = parsed.success ? new Date(parsed.data.waitUntil) : now;
  if (waitUntil > now) return { type: "waiting", outcome: waitOutcome(step.nodeId, waitUntil) };

  const output = { waitedUntil: waitUntil.toISOString() };
  await db.step.update({
    where: { id: step.id },
    data: {
      status: "succeeded",
      output: JSON.stringify(output),
      finishedAt: now,
      durationMs: now.getTime() - step.startedAt.getTime(),
    },
  });
  log.info({ runId, nodeId: step.nodeId }, "wait over; the run goes on");
  return { type: "over", output };
}

/** The job outcome that has the run's job come back when a wait ends, holding no worker. */
export function waitOutcome(nodeId: string, waitUntil: Date): JobOutcome & { type: "retry_at" } {
  return {
    type: "retry_at",
    runAt: waitUntil,
    reason: `${nodeId} waits until ${waitUntil.toISOString()}`,
  };
}
