import os from "node:os";

import { closeRelay } from "../lib/events/event-bus";
import type { BenchOptions, ScenarioName } from "./bench-options";
import { measureDeliveryThroughput, type ThroughputResult } from "./delivery-throughput";
import { measureEditor, type EditorResult } from "./editor-speed";
import { measureExchangeLog, type ExchangeLogResult } from "./exchange-log";
import { measureFirstAttemptLatency, type LatencyResult } from "./first-attempt-latency";
import { measureInboundIngest, type InboundResult } from "./inbound-ingest";
import { startLocalReceiver } from "./local-receiver";
import { measurePostgresScaleOut, type ScaleOutResult } from "./postgres-scale-out";
import type { SkippedScenario } from "./skipped-scenario";
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
  deliveryThroughput: ThroughputResult | SkippedScenario;
  firstAttemptLatency: LatencyResult | SkippedScenario;
  postgresScaleOut: ScaleOutResult;
  workerMemory: MemoryResult;
  inboundIngest: InboundResult | SkippedScenario;
  exchangeLog: ExchangeLogResult | SkippedScenario;
  editor: EditorResult | SkippedScenario;
};

/**
 * Runs the selected scenarios one after another; the delivery scenarios share one local
 * receiver, which stays in this process for all of them. Throughput and latency run their
 * worker in this process too; scale-out and memory start worker processes, so their figures
 * hold nothing of this one. The inbound scenario runs its servers in processes of their own and
 * its load generator here. The delivery log scenario stores its rows from here and reads them
 * in a process of its own per database. The editor scenario drives a browser from here against
 * the built app in a process of its own.
 */
export async function runScenarios(
  options: BenchOptions,
  reportProgress: (message: string) => void,
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const loadAverage1mAtStart = os.loadavg()[0] ?? Number.NaN;
  const receiver = await startLocalReceiver();
  try {
    const run = async <T>(
      name: ScenarioName,
      progress: string,
      measure: () => Promise<T>,
    ): Promise<T | SkippedScenario> => {
      if (!options.scenarios.includes(name)) return { skipped: "not selected by --only" };
      reportProgress(progress);
      return measure();
    };

    const deliveryThroughput = await run(
      "throughput",
      `delivery throughput: ${options.deliveries} deliveries, worker and baseline`,
      () => measureDeliveryThroughput(options, receiver),
    );
    const firstAttemptLatency = await run(
      "latency",
      `event to first attempt: ${options.latencySamples} samples each`,
      () => measureFirstAttemptLatency(options, receiver),
    );
    const postgresScaleOut = await run(
      "scale-out",
      `PostgreSQL scale-out: ${options.scaleDeliveries} deliveries, one worker process then two`,
      () => measurePostgresScaleOut(options, receiver),
    );
    const workerMemory = await run(
      "memory",
      `worker process memory: ${options.memoryDeliveries} deliveries`,
      () => measureWorkerMemory(options, receiver),
    );
    const inboundIngest = await run(
      "inbound",
      `inbound webhooks: ${options.inboundSeconds} s per server, overload ${options.overloadSeconds} s`,
      () => measureInboundIngest(options, reportProgress),
    );
    const exchangeLog = await run(
      "exchange-log",
      `delivery log: ${options.logExchanges} exchanges per database, reads and live arrival`,
      () => measureExchangeLog(options, reportProgress),
    );
    const editor = await run(
      "editor",
      `workflow editor: ${options.editorSamples} openings each, idle frames and a drag`,
      () => measureEditor(options, reportProgress),
    );

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
        inboundSeconds: options.inboundSeconds,
        overloadSeconds: options.overloadSeconds,
        logExchanges: options.logExchanges,
        editorSamples: options.editorSamples,
        scenarios: options.scenarios,
        isQuick: options.isQuick,
      },
      deliveryThroughput,
      firstAttemptLatency,
      postgresScaleOut,
      workerMemory,
      inboundIngest,
      exchangeLog,
      editor,
    };
  } finally {
    await receiver.close();
    // The latency scenario wakes its worker through the event bus. Its relay to other processes
    // exists only when the configured database is PostgreSQL, but an open one would keep this
    // process alive, so it is closed whatever the configuration.
    await closeRelay();
  }
}
