import { z } from "zod";

import { createFreshDatabaseFile, removeDatabaseFile } from "./bench-database";
import { runClosedLoop, type ClosedLoopFigures } from "./closed-loop-load";
import { createSequenceSource, type Acknowledgement, type SequenceSource } from "./inbound-answers";
import { CAPACITY_MULTIPLE, runOverload, type OverloadRun } from "./inbound-overload";
import { INBOUND_BODY_BYTES } from "./inbound-request";
import { readProcessCpuSeconds } from "./process-cpu";
import { spawnServerProcess, type ServerProcess } from "./server-process";
import {
  checkBaselineAcknowledgements,
  checkSwitchyardAcknowledgements,
  type AcknowledgementCheck,
} from "./stored-inbound-bodies";

/** One server's closed-loop figures, and whether everything it acknowledged is stored. */
export type InboundSide = ClosedLoopFigures & {
  /**
   * The server process's CPU time (user and system) over the measured run per acknowledged
   * request, in microseconds; null without `/proc`. It holds up when the machine is busy.
   */
  cpuMicrosecondsPerAcknowledged: number | null;
  /** Warm-up requests included; `missing` must be 0. */
  check: AcknowledgementCheck;
};

export type InboundResult = {
  connections: number;
  bodyBytes: number;
  /** Each server's closed loop, after a warm-up that is checked but not counted. */
  seconds: number;
  warmUpSeconds: number;
  /** Always false: runs stay queued, so only ingest is measured. */
  isWorkerRunning: false;
  switchyard: InboundSide;
  baseline: InboundSide;
  /** Switchyard's acknowledged requests/s over the baseline's. */
  ratio: number;
  targetRatio: number;
  targetP99Ms: number;
  overload: OverloadRun & { check: AcknowledgementCheck };
};

const CONNECTIONS = 50;
const TARGET_RATIO = 0.35;
const TARGET_P99_MS = 25;

/** What each server announces once it listens. */
const baselineReadySchema = z.object({ port: z.number().int() });
const switchyardReadySchema = baselineReadySchema.extend({ token: z.string().min(1) });

type Sizes = { inboundSeconds: number; overloadSeconds: number; isQuick: boolean };

/**
 * Measures inbound webhooks end to end over loopback: acknowledged requests a second and ack
 * latency of the lean server `npm start` runs, on a fresh SQLite database with one live Webhook
 * trigger and no worker, against a plain node:http server storing each body with one prepared
 * insert; both in processes of their own, one after the other, under the same closed loop of 50
 * connections sending 1 KB JSON bodies. Then Switchyard again, at three times the capacity it
 * showed. Every acknowledged request is looked up in the database afterwards.
 */
export async function measureInboundIngest(
  sizes: Sizes,
  reportProgress: (message: string) => void,
): Promise<InboundResult> {
  const load = {
    connections: CONNECTIONS,
    durationMs: sizes.inboundSeconds * 1000,
    warmUpMs: sizes.isQuick ? 500 : 2_000,
  };

  reportProgress(`inbound baseline: ${load.connections} connections, ${sizes.inboundSeconds} s`);
  const baseline = await measureBaseline(load);

  reportProgress(`inbound Switchyard: ${load.connections} connections, ${sizes.inboundSeconds} s`);
  const switchyard = await measureSwitchyard(load, sizes.overloadSeconds * 1000, reportProgress);

  return {
    connections: load.connections,
    bodyBytes: INBOUND_BODY_BYTES,
    seconds: sizes.inboundSeconds,
    warmUpSeconds: load.warmUpMs / 1000,
    isWorkerRunning: false,
    switchyard: switchyard.side,
    baseline,
    ratio: switchyard.side.acknowledgedPerSecond / baseline.acknowledgedPerSecond,
    targetRatio: TARGET_RATIO,
    targetP99Ms: TARGET_P99_MS,
    overload: switchyard.overload,
  };
}

type Load = { connections: number; durationMs: number; warmUpMs: number };

async function measureBaseline(load: Load): Promise<InboundSide> {
  const sqlitePath = createFreshDatabaseFile("inbound-baseline", { isMigrated: false });
  const acknowledgements: Acknowledgement[] = [];
  let server: ServerProcess<{ port: number }> | undefined;
  try {
    server = spawnServerProcess(
      "bench/baseline-inbound-server.ts",
      { BENCH_BASELINE_DB: sqlitePath },
      (json) => baselineReadySchema.parse(json),
    );
    const { port } = await server.ready;
    const figures = await warmUpAndMeasure(load, { port, path: "/hooks/baseline" }, server, {
      sequences: createSequenceSource(),
      acknowledgements,
    });
    await server.stop();
    return { ...figures, check: checkBaselineAcknowledgements(sqlitePath, acknowledgements) };
  } finally {
    await server?.stop();
    removeDatabaseFile(sqlitePath);
  }
}

async function measureSwitchyard(
  load: Load,
  overloadMs: number,
  reportProgress: (message: string) => void,
): Promise<{ side: InboundSide; overload: InboundResult["overload"] }> {
  const sqlitePath = createFreshDatabaseFile("inbound", { isMigrated: true });
  const sequences = createSequenceSource();
  const measured: Acknowledgement[] = [];
  const overloaded: Acknowledgement[] = [];
  let server: ServerProcess<{ port: number; token: string }> | undefined;
  try {
    server = spawnServerProcess(
      "bench/switchyard-inbound-server.ts",
      {
        DATABASE_URL: `file:${sqlitePath}`,
        NODE_ENV: "production",
        SWITCHYARD_EMBEDDED_WORKER: "0",
        SWITCHYARD_LOG_LEVEL: "warn",
      },
      (json) => switchyardReadySchema.parse(json),
    );
    const { port, token } = await server.ready;
    const target = { port, path: `/hooks/${token}` };
    const figures = await warmUpAndMeasure(load, target, server, {
      sequences,
      acknowledgements: measured,
    });

    const capacity = figures.acknowledgedPerSecond;
    reportProgress(
      `inbound overload: ${Math.round(capacity * CAPACITY_MULTIPLE)} requests/s offered`,
    );
    const overload = await runOverload({
      ...target,
      pid: server.pid,
      capacityPerSecond: capacity,
      durationMs: overloadMs,
      sequences,
      acknowledgements: overloaded,
    });
    throwIfGone(server);
    await server.stop();

    const [check, overloadCheck] = checkSwitchyardAcknowledgements(
      sqlitePath,
      measured,
      overloaded,
    );
    return {
      side: { ...figures, check: check! },
      overload: { ...overload, check: overloadCheck! },
    };
  } finally {
    await server?.stop();
    removeDatabaseFile(sqlitePath);
  }
}

/** A warm-up run, so neither server is measured on cold code, then the measured run. */
async function warmUpAndMeasure(
  load: Load,
  target: { port: number; path: string },
  server: ServerProcess<unknown>,
  log: { sequences: SequenceSource; acknowledgements: Acknowledgement[] },
): Promise<Omit<InboundSide, "check">> {
  const run = (durationMs: number) =>
    runClosedLoop({ ...target, ...log, connections: load.connections, durationMs });
  await run(load.warmUpMs);

  const cpuBefore = readProcessCpuSeconds(server.pid);
  const figures = await run(load.durationMs);
  const cpuAfter = readProcessCpuSeconds(server.pid);
  throwIfGone(server);

  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    ...figures,
    cpuMicrosecondsPerAcknowledged:
      cpuSeconds === null ? null : (cpuSeconds * 1e6) / figures.acknowledged,
  };
}

function throwIfGone(server: ServerProcess<unknown>): void {
  const exit = server.unexpectedExit();
  if (exit) throw new Error(exit);
}
