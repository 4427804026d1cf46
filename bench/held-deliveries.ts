import { performance } from "node:perf_hooks";

import { createDb, type Db } from "../lib/db/client";
import { resolveDatabase } from "../lib/env";
import {
  createScratchDatabase,
  type ScratchDatabaseKind,
} from "../tests/integration/support/migrate";
import { seedDeliveries, seedWorkflowRun } from "./seed-deliveries";

/** Deliveries stored in a scratch database of their own, with jobs that are not due yet. */
export type HeldDeliveries = {
  /** The DATABASE_URL a worker process is started with. */
  url: string;
  db: Db;
  /** How long storing the deliveries took; context, not part of any figure. */
  seedSeconds: number;
  /** Makes every job due now; workers find them on their next poll. */
  releaseJobs(): Promise<void>;
  /** Disconnects and removes the database. Stop its workers first. */
  dispose(): Promise<void>;
};

const HOLD_MS = 3_600_000;

/**
 * Creates a migrated scratch database and stores `count` deliveries to `endpointUrl` whose jobs
 * are due only in an hour, so worker processes can start and settle before there is any work;
 * the clock starts when `releaseJobs` makes it all due at once. Both times come from this
 * machine's clock, the one the workers compare them with.
 */
export async function seedHeldDeliveries(
  kind: ScratchDatabaseKind,
  endpointUrl: string,
  count: number,
): Promise<HeldDeliveries> {
  const scratch = await createScratchDatabase(kind, "bench");
  // Two connections: the bench polls a count and releases the jobs once; the workers bring
  // their own pools.
  const db = createDb(resolveDatabase(scratch.url, process.cwd()), { poolSize: 2 });
  const dispose = async () => {
    await db.$disconnect();
    await scratch.dispose();
  };

  try {
    const seedStartedAt = performance.now();
    const fixture = await seedWorkflowRun(db, endpointUrl);
    await seedDeliveries(db, fixture, count);
    await db.job.updateMany({ data: { runAt: new Date(Date.now() + HOLD_MS) } });
    const seedSeconds = (performance.now() - seedStartedAt) / 1000;

    return {
      url: scratch.url,
      db,
      seedSeconds,
      releaseJobs: async () => {
        await db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date() } });
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
