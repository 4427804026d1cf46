import { performance } from "node:perf_hooks";

import { openFreshDatabase } from "./bench-database";
import { startBenchWorker, stopBenchWorker, waitForProcessedJobs } from "./bench-worker";
import type { LocalReceiver } from "./local-receiver";
import { seedDeliveries, seedWorkflowRun } from "./seed-deliveries";

export type MemoryResult = {
  deliveries: number;
  /** Deliveries marked delivered at the end; anything short of `deliveries` is a failure. */
  delivered: number;
  seedSeconds: number;
  seconds: number;
  deliveriesPerSecond: number;
  /** RSS just before the worker starts: modules loaded, database open, deliveries stored. */
  baselineRssMb: number;
  peakRssMb: number;
  endRssMb: number;
  peakHeapUsedMb: number;
  /** Peak RSS over the baseline RSS. */
  ratio: number;
  /** RSS when a quarter, half, three quarters and all of the deliveries were done. */
  rssMbAtProgress: { quarter: number; half: number; threeQuarters: number; all: number };
  sampleCount: number;
};

type MemorySample = { rssBytes: number; heapUsedBytes: number; processedJobs: number };

const SAMPLE_INTERVAL_MS = 250;
const MB = 1024 * 1024;

/** Samples the process's memory every 250 ms while one worker sends `deliveries` deliveries. */
export async function measureWorkerMemory(
  sizes: { memoryDeliveries: number; concurrency: number },
  receiver: LocalReceiver,
): Promise<MemoryResult> {
  const { db, dispose } = await openFreshDatabase("memory");
  try {
    const fixture = await seedWorkflowRun(db, receiver.url);
    const seedStartedAt = performance.now();
    await seedDeliveries(db, fixture, sizes.memoryDeliveries);
    const seedSeconds = (performance.now() - seedStartedAt) / 1000;

    const baselineRssBytes = process.memoryUsage.rss();
    const startedAt = performance.now();
    const worker = startBenchWorker(db, sizes.concurrency);
    const samples: MemorySample[] = [];
    const takeSample = () => {
      const usage = process.memoryUsage();
      const { processedJobs } = worker.state();
      samples.push({ rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, processedJobs });
    };
    const sampler = setInterval(takeSample, SAMPLE_INTERVAL_MS);
    try {
      await waitForProcessedJobs(worker, sizes.memoryDeliveries);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - startedAt) / 1000;
    takeSample();
    await stopBenchWorker(worker);
    const delivered = await db.delivery.count({ where: { status: "delivered" } });

    const peakRssBytes = Math.max(...samples.map((sample) => sample.rssBytes));
    const rssAt = (share: number) => rssAtProgress(samples, share * sizes.memoryDeliveries);
    return {
      deliveries: sizes.memoryDeliveries,
      delivered,
      seedSeconds,
      seconds,
      deliveriesPerSecond: sizes.memoryDeliveries / seconds,
      baselineRssMb: baselineRssBytes / MB,
      peakRssMb: peakRssBytes / MB,
      endRssMb: (samples.at(-1)?.rssBytes ?? Number.NaN) / MB,
      peakHeapUsedMb: Math.max(...samples.map((sample) => sample.heapUsedBytes)) / MB,
      ratio: peakRssBytes / baselineRssBytes,
      rssMbAtProgress: {
        quarter: rssAt(0.25),
        half: rssAt(0.5),
        threeQuarters: rssAt(0.75),
        all: rssAt(1),
      },
      sampleCount: samples.length,
    };
  } finally {
    await dispose();
  }
}

function rssAtProgress(samples: readonly MemorySample[], processedJobs: number): number {
  const reached = samples.find((sample) => sample.processedJobs >= processedJobs);
  return (reached?.rssBytes ?? Number.NaN) / MB;
}
