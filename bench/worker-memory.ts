import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";

import { seedHeldDeliveries } from "./held-deliveries";
import type { LocalReceiver } from "./local-receiver";
import { canReadProcessMemory, readProcessMemory } from "./process-memory";
import type { SkippedScenario } from "./skipped-scenario";
import { waitForDelivered } from "./wait-for-delivered";
import { spawnWorkerProcess, type WorkerProcess } from "./worker-process";

export type MemoryFigures = {
  deliveries: number;
  /** Deliveries marked delivered at the end; anything short of `deliveries` is a failure. */
  delivered: number;
  seedSeconds: number;
  seconds: number;
  deliveriesPerSecond: number;
  /** The worker process's RSS once started and idle for a second, before any job is due. */
  baselineRssMb: number;
  /** The process's high-water mark (VmHWM) at the end: the true peak, startup included. */
  peakRssMb: number;
  /** The highest of the RSS samples taken while it delivered. */
  peakSampledRssMb: number;
  endRssMb: number;
  /** Peak RSS over the baseline RSS. */
  ratio: number;
  /** RSS when a quarter, half, three quarters and all of the deliveries were delivered. */
  rssMbAtProgress: { quarter: number; half: number; threeQuarters: number; all: number };
  sampleCount: number;
  /** The peak RSS a worker process aims to stay under. */
  targetPeakRssMb: number;
};

export type MemoryResult = MemoryFigures | SkippedScenario;

type MemorySample = { rssBytes: number; delivered: number };

const SAMPLE_INTERVAL_MS = 250;
const IDLE_BEFORE_BASELINE_MS = 1_000;
const TARGET_PEAK_RSS_MB = 250;
const MB = 1024 * 1024;

/**
 * Samples a worker process's RSS every 250 ms while it sends `memoryDeliveries` deliveries from a
 * SQLite database of its own. The process holds nothing of the bench (receiver, baselines,
 * earlier scenarios), so the figures are the worker's alone; its baseline is its own RSS once
 * started and idle. Skipped where the system has no `/proc` to read another process's memory.
 */
export async function measureWorkerMemory(
  sizes: { memoryDeliveries: number },
  receiver: LocalReceiver,
): Promise<MemoryResult> {
  if (!canReadProcessMemory()) {
    return { skipped: "reading another process's memory needs /proc, which this system lacks" };
  }

  const held = await seedHeldDeliveries("sqlite", receiver.url, sizes.memoryDeliveries);
  let worker: WorkerProcess | undefined;
  try {
    worker = spawnWorkerProcess(held.url);
    await worker.started;
    await sleep(IDLE_BEFORE_BASELINE_MS);
    const baselineRssBytes = readMemoryOf(worker).rssBytes;

    let delivered = 0;
    await held.releaseJobs();
    const startedAt = performance.now();
    const sampler = startRssSampler(worker.pid, () => delivered);
    try {
      delivered = await waitForDelivered(held.db, sizes.memoryDeliveries, [worker], (count) => {
        delivered = count;
      });
    } finally {
      sampler.stop();
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const peakRssBytes = readMemoryOf(worker).peakRssBytes;

    return summarize({
      deliveries: sizes.memoryDeliveries,
      delivered,
      seedSeconds: held.seedSeconds,
      seconds,
      baselineRssBytes,
      peakRssBytes,
      samples: sampler.samples,
    });
  } finally {
    await worker?.stop();
    await held.dispose();
  }
}

/**
 * Reads the process's RSS every 250 ms, each sample with the delivered count polled last;
 * `stop` takes one more sample, so the last one is taken with everything delivered.
 */
function startRssSampler(pid: number, deliveredNow: () => number) {
  const samples: MemorySample[] = [];
  const takeSample = () => {
    const memory = readProcessMemory(pid);
    if (memory) samples.push({ rssBytes: memory.rssBytes, delivered: deliveredNow() });
  };
  const timer = setInterval(takeSample, SAMPLE_INTERVAL_MS);
  return {
    samples,
    stop() {
      clearInterval(timer);
      takeSample();
    },
  };
}

function summarize(run: {
  deliveries: number;
  delivered: number;
  seedSeconds: number;
  seconds: number;
  baselineRssBytes: number;
  peakRssBytes: number;
  samples: readonly MemorySample[];
}): MemoryFigures {
  const { samples } = run;
  const rssAt = (share: number) => rssAtProgress(samples, share * run.deliveries);
  return {
    deliveries: run.deliveries,
    delivered: run.delivered,
    seedSeconds: run.seedSeconds,
    seconds: run.seconds,
    deliveriesPerSecond: run.delivered / run.seconds,
    baselineRssMb: run.baselineRssBytes / MB,
    peakRssMb: run.peakRssBytes / MB,
    peakSampledRssMb: Math.max(...samples.map((sample) => sample.rssBytes)) / MB,
    endRssMb: (samples.at(-1)?.rssBytes ?? Number.NaN) / MB,
    ratio: run.peakRssBytes / run.baselineRssBytes,
    rssMbAtProgress: {
      quarter: rssAt(0.25),
      half: rssAt(0.5),
      threeQuarters: rssAt(0.75),
      all: rssAt(1),
    },
    sampleCount: samples.length,
    targetPeakRssMb: TARGET_PEAK_RSS_MB,
  };
}

function readMemoryOf(worker: WorkerProcess) {
  const memory = readProcessMemory(worker.pid);
  if (!memory) throw new Error(worker.unexpectedExit() ?? `worker process ${worker.pid} is gone`);
  return memory;
}

function rssAtProgress(samples: readonly MemorySample[], delivered: number): number {
  const reached = samples.find((sample) => sample.delivered >= delivered);
  return (reached?.rssBytes ?? Number.NaN) / MB;
}
