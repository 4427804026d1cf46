import { setTimeout as sleep } from "node:timers/promises";

import type { Db } from "../lib/db/client";
import type { WorkerProcess } from "./worker-process";

const POLL_MS = 100;
const STALL_MS = 30_000;

/**
 * Polls the database every 100 ms until `count` deliveries are delivered, and resolves with the
 * last count; the timing is as fine as the poll. Throws when a worker process ends on its own,
 * or when no delivery lands for 30 s, so a broken worker ends the run with a message instead of
 * hanging it or leaving the other worker to deliver alone.
 */
export async function waitForDelivered(
  db: Db,
  count: number,
  workers: readonly WorkerProcess[],
  onPoll: (delivered: number) => void = () => undefined,
): Promise<number> {
  let delivered = 0;
  let lastProgressAt = Date.now();
  while (delivered < count) {
    await sleep(POLL_MS);
    for (const worker of workers) {
      const exit = worker.unexpectedExit();
      if (exit) throw new Error(exit);
    }

    const polled = await db.delivery.count({ where: { status: "delivered" } });
    onPoll(polled);
    if (polled > delivered) {
      delivered = polled;
      lastProgressAt = Date.now();
    } else if (Date.now() - lastProgressAt > STALL_MS) {
      throw new Error(`Deliveries stalled at ${delivered} of ${count}`);
    }
  }
  return delivered;
}
