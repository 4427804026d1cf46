import { performance } from "node:perf_hooks";

import type { Acknowledgement, SequenceSource } from "./inbound-answers";
import { runOpenLoop, type OpenLoopFigures } from "./open-loop-load";
import { readProcessCpuSeconds } from "./process-cpu";
import { canReadProcessMemory, readProcessMemory } from "./process-memory";

/** The server's memory around an overload run, from `/proc`; null where there is none. */
export type OverloadMemory = {
  /** RSS just before the overload began, after the capacity run. */
  rssBeforeMb: number;
  /** The highest RSS sampled (every 100 ms) while overloaded. */
  peakSampledRssMb: number;
  /** The process's high-water mark (VmHWM) afterwards: its true peak, startup included. */
  peakRssMb: number;
};

export type OverloadRun = OpenLoopFigures & {
  /** The arrival rate as a multiple of the capacity measured in the closed loop. */
  capacityMultiple: number;
  /** Shares of the offered requests; the rest were answered otherwise or not at all. */
  shares: { accepted: number; rateLimited: number; shed: number };
  memory: OverloadMemory | null;
  /**
   * Cores' worth of CPU each side used from opening the connections until the last answer or
   * the give-up: near 1.0, that single-threaded process was the limit. Null for the server
   * without `/proc`.
   */
  cpuCores: { server: number | null; loadGenerator: number };
};

/** Arrivals at three times the measured capacity. */
export const CAPACITY_MULTIPLE = 3;
/**
 * More connections than ingest's in-flight limit (128 by default), so the limit can show: with
 * fewer, excess requests would queue in the load generator and never reach the server.
 */
const OVERLOAD_CONNECTIONS = 1000;
const SAMPLE_INTERVAL_MS = 100;
const MB = 1024 * 1024;

/**
 * Offers requests at `CAPACITY_MULTIPLE` times `capacityPerSecond` for `durationMs` to the
 * server process `pid` listening at `port`, sampling its RSS meanwhile.
 */
export async function runOverload(target: {
  pid: number;
  port: number;
  path: string;
  capacityPerSecond: number;
  durationMs: number;
  sequences: SequenceSource;
  acknowledgements: Acknowledgement[];
}): Promise<OverloadRun> {
  const sampler = canReadProcessMemory() ? startRssSampler(target.pid) : null;
  const cpu = startCpuMeter(target.pid);
  const figures = await runOpenLoop({
    port: target.port,
    path: target.path,
    targetPerSecond: Math.max(1, Math.round(target.capacityPerSecond * CAPACITY_MULTIPLE)),
    durationMs: target.durationMs,
    connections: OVERLOAD_CONNECTIONS,
    sequences: target.sequences,
    acknowledgements: target.acknowledgements,
  });
  const share = (status: number) => (figures.byStatus[status] ?? 0) / figures.offered;

  return {
    ...figures,
    capacityMultiple: CAPACITY_MULTIPLE,
    shares: { accepted: share(202), rateLimited: share(429), shed: share(503) },
    memory: sampler?.stop() ?? null,
    cpuCores: cpu.stop(),
  };
}

/** CPU time of the server and of this process from now until `stop`, per second of wall time. */
function startCpuMeter(pid: number) {
  const startedAt = performance.now();
  const serverBefore = readProcessCpuSeconds(pid);
  const ownBefore = process.cpuUsage();
  return {
    stop() {
      const seconds = (performance.now() - startedAt) / 1000;
      const serverAfter = readProcessCpuSeconds(pid);
      const own = process.cpuUsage(ownBefore);
      return {
        server:
          serverBefore === null || serverAfter === null
            ? null
            : (serverAfter - serverBefore) / seconds,
        loadGenerator: (own.user + own.system) / 1e6 / seconds,
      };
    },
  };
}

function startRssSampler(pid: number) {
  const before = readProcessMemory(pid);
  let peakSampledBytes = before?.rssBytes ?? 0;
  const timer = setInterval(() => {
    const memory = readProcessMemory(pid);
    if (memory) peakSampledBytes = Math.max(peakSampledBytes, memory.rssBytes);
  }, SAMPLE_INTERVAL_MS);
  return {
    stop(): OverloadMemory | null {
      clearInterval(timer);
      const after = readProcessMemory(pid);
      if (!before || !after) return null;
      return {
        rssBeforeMb: before.rssBytes / MB,
        peakSampledRssMb: Math.max(peakSampledBytes, after.rssBytes) / MB,
        peakRssMb: after.peakRssBytes / MB,
      };
    },
  };
}
