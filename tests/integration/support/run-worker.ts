import { getDb } from "@/lib/db/client";
import { createJobHandlers } from "@/lib/engine/job-handlers";
import { getConfig } from "@/lib/env";
import { startWorker, type Worker } from "@/lib/queue/worker";

/** A worker on the test database, as the embedded mode runs it, with a short lease. */
export function startTestWorker(
  overrides: { deliveryScheduleMs?: number[]; leaseMs?: number } = {},
): Worker {
  const config = { ...getConfig(), deliveryScheduleMs: overrides.deliveryScheduleMs ?? [100, 200] };
  const db = getDb();
  return startWorker({
    db,
    handlers: createJobHandlers(db, config),
    leaseMs: overrides.leaseMs ?? 2000,
    concurrency: 4,
    idlePollMs: 50,
  });
}

/** Waits until `check` returns a value, polling the database; fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
