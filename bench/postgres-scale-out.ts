import { performance } from "node:perf_hooks";
import pg from "pg";

import { postgresAdminUrl } from "../tests/integration/support/migrate";
import { seedHeldDeliveries } from "./held-deliveries";
import { startLocalReceiver, type LocalReceiver } from "./local-receiver";
import type { SkippedScenario } from "./skipped-scenario";
import { waitForDelivered } from "./wait-for-delivered";
import { spawnWorkerProcess, type WorkerProcess } from "./worker-process";

export type ScaleOutRun = {
  processes: number;
  delivered: number;
  /** How long storing the deliveries took; context, not part of the figure. */
  seedSeconds: number;
  seconds: number;
  deliveriesPerSecond: number;
};

/** One process against two, for one kind of receiver. */
export type ScaleOutPair = {
  /** Deliveries in each run. */
  deliveries: number;
  /** How long the receiver takes to answer each request. */
  answerDelayMs: number;
  /** The baseline: one worker process. */
  oneProcess: ScaleOutRun;
  twoProcesses: ScaleOutRun;
  /** Two processes' deliveries/s over one process's. */
  ratio: number;
};

export type ScaleOutFigures = ScaleOutPair & {
  /**
   * The same with a receiver that takes `SLOW_ANSWER_MS` to answer, as real endpoints do: a
   * worker process then waits on its in-flight deliveries rather than on the CPU.
   */
  slowReceiver: ScaleOutPair;
  /** The ratio scale-out on PostgreSQL aims for. */
  targetRatio: number;
};

export type ScaleOutResult = ScaleOutFigures | SkippedScenario;

const TARGET_RATIO = 1.7;
const SLOW_ANSWER_MS = 50;
/** Deliveries to the slow receiver, as a share of the instant receiver's: each takes longer. */
const SLOW_SHARE = 0.5;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Measures what a second worker process adds on PostgreSQL: the same deliveries, on a fresh
 * database each time, sent by one worker process and then by two, from the moment the jobs
 * become due until the database says every delivery is delivered. Once to a receiver that
 * answers at once, where the machine's cores are the limit, and once to one that takes
 * `SLOW_ANSWER_MS`, where each process's concurrency is. Skipped, with the reason, when the
 * server cannot be reached.
 */
export async function measurePostgresScaleOut(
  sizes: { scaleDeliveries: number },
  receiver: LocalReceiver,
): Promise<ScaleOutResult> {
  const unreachable = await findConnectionProblem(postgresAdminUrl());
  if (unreachable) return { skipped: unreachable };

  const instant = await measurePair(sizes.scaleDeliveries, receiver.url, 0);
  const slowReceiver = await startLocalReceiver({ answerDelayMs: SLOW_ANSWER_MS });
  try {
    const slowDeliveries = Math.max(1, Math.round(sizes.scaleDeliveries * SLOW_SHARE));
    const slow = await measurePair(slowDeliveries, slowReceiver.url, SLOW_ANSWER_MS);
    return { ...instant, slowReceiver: slow, targetRatio: TARGET_RATIO };
  } finally {
    await slowReceiver.close();
  }
}

async function measurePair(
  deliveries: number,
  endpointUrl: string,
  answerDelayMs: number,
): Promise<ScaleOutPair> {
  const oneProcess = await measureWorkerProcesses(1, deliveries, endpointUrl);
  const twoProcesses = await measureWorkerProcesses(2, deliveries, endpointUrl);
  return {
    deliveries,
    answerDelayMs,
    oneProcess,
    twoProcesses,
    ratio: twoProcesses.deliveriesPerSecond / oneProcess.deliveriesPerSecond,
  };
}

async function measureWorkerProcesses(
  processes: number,
  deliveries: number,
  endpointUrl: string,
): Promise<ScaleOutRun> {
  const held = await seedHeldDeliveries("postgresql", endpointUrl, deliveries);
  const workers: WorkerProcess[] = [];
  try {
    for (let started = 0; started < processes; started += 1) {
      workers.push(spawnWorkerProcess(held.url));
    }
    await Promise.all(workers.map((worker) => worker.started));

    await held.releaseJobs();
    const startedAt = performance.now();
    const delivered = await waitForDelivered(held.db, deliveries, workers);
    const seconds = (performance.now() - startedAt) / 1000;

    return {
      processes,
      delivered,
      seedSeconds: held.seedSeconds,
      seconds,
      deliveriesPerSecond: delivered / seconds,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await held.dispose();
  }
}

/** Null when the server accepts a connection; otherwise why not, without the password. */
export async function findConnectionProblem(url: string): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `PostgreSQL is not reachable at ${withoutPassword(url)} (${reason})`;
  }
  await client.end();
  return null;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the configured URL";
  }
}
