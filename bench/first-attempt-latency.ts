import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";

import { percentile } from "../lib/admin/percentile";
import { getConfig } from "../lib/env";
import { wakeWorkers } from "../lib/events/event-bus";
import { openFreshDatabase } from "./bench-database";
import { startBenchWorker, stopBenchWorker, waitForProcessedJobs } from "./bench-worker";
import { createDirectSend } from "./direct-sender";
import type { LocalReceiver } from "./local-receiver";
import { createMessages, enqueueDelivery, seedWorkflowRun } from "./seed-deliveries";

export type LatencySummary = { p50Ms: number; p95Ms: number; maxMs: number };

export type LatencyResult = {
  samples: number;
  /** From the commit of the delivery and its job to the receiver seeing the request. */
  worker: LatencySummary;
  /** From calling the direct send to the receiver seeing the request: the floor. */
  baseline: LatencySummary;
  /** Worker p50 over baseline p50. */
  ratioP50: number;
  /** Worker p95 over baseline p95. */
  ratioP95: number;
};

/**
 * Long enough for a worker that just finished a job to look for more, find none and go back
 * to sleep, so every sample starts from an idle worker.
 */
const SETTLE_MS = 100;

/**
 * Measures how soon an idle worker makes a new delivery's first attempt, with samples of the
 * direct send interleaved, so both sides see the same machine load.
 */
export async function measureFirstAttemptLatency(
  sizes: { latencySamples: number; concurrency: number },
  receiver: LocalReceiver,
): Promise<LatencyResult> {
  const { db, dispose } = await openFreshDatabase("latency");
  try {
    const fixture = await seedWorkflowRun(db, receiver.url);
    const send = createDirectSend(getConfig(), fixture.secret);
    const worker = startBenchWorker(db, sizes.concurrency);
    await sleep(SETTLE_MS);

    const workerMs: number[] = [];
    const baselineMs: number[] = [];
    for (let sample = 0; sample < sizes.latencySamples; sample += 1) {
      const [direct, queued] = createMessages(fixture, 2);
      if (!direct || !queued) throw new Error("createMessages returned too few messages");

      const directSeen = receiver.nextRequestAt();
      const sendStartedAt = performance.now();
      const sent = send(direct);
      baselineMs.push((await directSeen) - sendStartedAt);
      await sent;
      await sleep(SETTLE_MS);

      const processedBefore = worker.state().processedJobs;
      const queuedSeen = receiver.nextRequestAt();
      await enqueueDelivery(db, fixture, queued);
      const committedAt = performance.now();
      wakeWorkers();
      workerMs.push((await queuedSeen) - committedAt);
      await waitForProcessedJobs(worker, processedBefore + 1);
      await sleep(SETTLE_MS);
    }
    await stopBenchWorker(worker);

    const workerSummary = summarize(workerMs);
    const baselineSummary = summarize(baselineMs);
    return {
      samples: sizes.latencySamples,
      worker: workerSummary,
      baseline: baselineSummary,
      ratioP50: workerSummary.p50Ms / baselineSummary.p50Ms,
      ratioP95: workerSummary.p95Ms / baselineSummary.p95Ms,
    };
  } finally {
    await dispose();
  }
}

function summarize(valuesMs: readonly number[]): LatencySummary {
  return {
    p50Ms: percentile(valuesMs, 50) ?? Number.NaN,
    p95Ms: percentile(valuesMs, 95) ?? Number.NaN,
    maxMs: Math.max(...valuesMs),
  };
}
