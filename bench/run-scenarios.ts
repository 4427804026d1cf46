import os from "node:os";

import { closeRelay } from "../lib/events/event-bus";
import type { BenchOptions } from "./bench-options";
import { measureDeliveryThroughput, type ThroughputResult } from "./delivery-throughput";
import { measureFirstAttemptLatency, type LatencyResult } from "./first-attempt-latency";
import { startLocalReceiver } from "./local-receiver";
import { measurePostgresScaleOut, type ScaleOutResult } from "./postgres-scale-out";
import { measureWorkerMemory, type MemoryResult } from "./worker-memory";

/** Every figure of one run with its baseline, and what it ran on. */
export type BenchReport = {
  benchmark: "switchyard-worker";
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    /** The benchmark's own load generator and receiver share these cores with the workers. */
    loadAverage1mAtStart: number;
    loadAverage1mAtEnd: number;
  };
  options: Omit<BenchOptions, "isJson">;
  deliveryThroughput: ThroughputResult;
  firstAttemptLatency: LatencyResult;
  postgresScaleOut: ScaleOutResult;
  workerMemory: MemoryResult;
};

/**
 * Runs the scenarios one after another against one local receiver, which stays in this process
 * for all of them. Throughput and latency run their worker in this process too; scale-out and
 * memory start worker processes, so their figures hold nothing of this one.
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

    reportProgress(
      `PostgreSQL scale-out: ${options.scaleDeliveries} deliveries, one worker process then two`,
    );
    const postgresScaleOut = await measurePostgresScaleOut(options, receiver);

    reportProgress(`worker process memory: ${options.memoryDeliveries} deliveries`);
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
        scaleDeliveries: options.scaleDeliveries,
        memoryDeliveries: options.memoryDeliveries,
        latencySamples: options.latencySamples,
        concurrency: options.concurrency,
        isQuick: options.isQuick,
      },
      deliveryThroughput,
      firstAttemptLatency,
      postgresScaleOut,
      workerMemory,
    };
  } finally {
    await receiver.close();
    // The latency scenario wakes its worker through the event bus. Its relay to other processes
    // exists only when the configured database is PostgreSQL, but an open one would keep this
    // process alive, so it is closed whatever the configuration.
    await closeRelay();
  }
}
