import os from "node:os";

import type { BenchOptions } from "./bench-options";
import { measureDeliveryThroughput, type ThroughputResult } from "./delivery-throughput";
import { measureFirstAttemptLatency, type LatencyResult } from "./first-attempt-latency";
import { startLocalReceiver } from "./local-receiver";
import { measureWorkerMemory, type MemoryResult } from "./worker-memory";

/** Every figure of one run with its baseline, and what it ran on. */
export type BenchReport = {
  benchmark: "switchyard-worker";
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    /** The benchmark's own load generator and receiver share these cores with the worker. */
    loadAverage1mAtStart: number;
    loadAverage1mAtEnd: number;
  };
  options: Omit<BenchOptions, "isJson">;
  deliveryThroughput: ThroughputResult;
  firstAttemptLatency: LatencyResult;
  workerMemory: MemoryResult;
};

/**
 * Runs the scenarios one after another against one local receiver. Memory runs last and reads
 * the whole process's RSS, which includes what the earlier scenarios left on the heap; its
 * baseline is read in that same state, just before its worker starts.
 */
export async function runScenarios(
  options: BenchOptions,
  reportProgress: (message: string) => void,
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const loadAverage1mAtStart = os.loadavg()[0] ?? Number.NaN;
  const receiver = await startLocalReceiver();
  try {
    reportProgress(`delivery throughput: ${options.deliveries} deliveries, worker and baseline`);
    const deliveryThroughput = await measureDeliveryThroughput(options, receiver);

    reportProgress(`event to first attempt: ${options.latencySamples} samples each`);
    const firstAttemptLatency = await measureFirstAttemptLatency(options, receiver);

    reportProgress(`worker memory: ${options.memoryDeliveries} deliveries`);
    const workerMemory = await measureWorkerMemory(options, receiver);

    return {
      benchmark: "switchyard-worker",
      startedAt,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        node: process.version,
        loadAverage1mAtStart,
        loadAverage1mAtEnd: os.loadavg()[0] ?? Number.NaN,
      },
      options: {
        deliveries: options.deliveries,
        memoryDeliveries: options.memoryDeliveries,
        latencySamples: options.latencySamples,
        concurrency: options.concurrency,
        isQuick: options.isQuick,
      },
      deliveryThroughput,
      firstAttemptLatency,
      workerMemory,
    };
  } finally {
    await receiver.close();
  }
}
