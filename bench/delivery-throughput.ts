import { performance } from "node:perf_hooks";

import { getConfig } from "../lib/env";
import { openFreshDatabase } from "./bench-database";
import { startBenchWorker, stopBenchWorker, waitForProcessedJobs } from "./bench-worker";
import { createDirectSend, sendAllDirectly } from "./direct-sender";
import type { LocalReceiver } from "./local-receiver";
import { createMessages, insertDeliveries, seedWorkflowRun } from "./seed-deliveries";

export type Throughput = { delivered: number; seconds: number; deliveriesPerSecond: number };

export type ThroughputResult = {
  deliveries: number;
  concurrency: number;
  /** How long storing the deliveries and jobs took; context, not part of either figure. */
  seedSeconds: number;
  worker: Throughput;
  baseline: Throughput;
  /** Worker deliveries/s over baseline deliveries/s. */
  ratio: number;
};

/** Requests sent before the baseline is timed, so neither side pays for cold code. */
const WARM_UP_REQUESTS = 200;

/**
 * Sends `deliveries` stored deliveries through one worker, from the first claim to the last
 * finished job, and the same signed requests through the baseline loop that stores nothing.
 */
export async function measureDeliveryThroughput(
  sizes: { deliveries: number; concurrency: number },
  receiver: LocalReceiver,
): Promise<ThroughputResult> {
  const { db, dispose } = await openFreshDatabase("throughput");
  try {
    const fixture = await seedWorkflowRun(db, receiver.url);
    const messages = createMessages(fixture, sizes.deliveries);
    const seedStartedAt = performance.now();
    await insertDeliveries(db, fixture, messages);
    const seedSeconds = (performance.now() - seedStartedAt) / 1000;

    const send = createDirectSend(getConfig(), fixture.secret);
    await sendAllDirectly(createMessages(fixture, WARM_UP_REQUESTS), sizes.concurrency, send);

    const baselineStartedAt = performance.now();
    const baselineDelivered = await sendAllDirectly(messages, sizes.concurrency, send);
    const baseline = throughput(baselineDelivered, baselineStartedAt);

    const workerStartedAt = performance.now();
    const worker = startBenchWorker(db, sizes.concurrency);
    await waitForProcessedJobs(worker, sizes.deliveries);
    const workerSeconds = (performance.now() - workerStartedAt) / 1000;
    await stopBenchWorker(worker);
    const workerDelivered = await db.delivery.count({ where: { status: "delivered" } });

    const workerThroughput = {
      delivered: workerDelivered,
      seconds: workerSeconds,
      deliveriesPerSecond: workerDelivered / workerSeconds,
    };
    return {
      deliveries: sizes.deliveries,
      concurrency: sizes.concurrency,
      seedSeconds,
      worker: workerThroughput,
      baseline,
      ratio: workerThroughput.deliveriesPerSecond / baseline.deliveriesPerSecond,
    };
  } finally {
    await dispose();
  }
}

function throughput(delivered: number, startedAtMs: number): Throughput {
  const seconds = (performance.now() - startedAtMs) / 1000;
  return { delivered, seconds, deliveriesPerSecond: delivered / seconds };
}
