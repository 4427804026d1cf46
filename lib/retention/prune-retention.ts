import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db/client";
import type { DatabaseTarget } from "../env";
import { log } from "../log";
import { claimPrune, releasePruneClaim, renewPruneClaim, type PruneRecord } from "./prune-claim";
import {
  clearBodiesStep,
  deleteExchangesStep,
  deleteExpiredMessagesStep,
  deleteJobsStep,
  deleteRunsStep,
  type PruneStep,
} from "./prune-steps";
import { retentionCutoffs } from "./retention-policy";
import { ensureRetentionSettings, readRetentionPolicy } from "./retention-settings";
import { shrinkSqliteFile } from "./shrink-sqlite-file";

export type PruneStepName = "bodies" | "exchanges" | "runs" | "jobs" | "messages";

export type PruneOptions = {
  db: Db;
  database: DatabaseTarget;
  /** Names this pass's claim; unique per process. */
  prunerId: string;
  now?: () => Date;
  /** Rows one statement changes at most. */
  batchSize?: number;
  /** Pause between batches, so ingest's writes are not queued behind a long run of deletes. */
  pauseMs?: number;
  /** Stops the pass between two batches (a worker shutting down). */
  signal?: AbortSignal;
  /** Told about each batch; tests use it to see the batches stay bounded. */
  onBatch?: (step: PruneStepName, count: number) => void;
};

export type PruneResult = Omit<PruneRecord, "error"> & { startedAt: Date };

export type PruneOutcome = { ok: true; result: PruneResult } | { ok: false; reason: "claimed" };

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_PAUSE_MS = 20;
/** A claim outlives a stalled pass by this much; every batch renews it. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** 1,024 pages of 4 KiB: 4 MiB returned to the file system per vacuum step. */
const VACUUM_STEP_PAGES = 1_024;

/**
 * One retention pass over the installation: clears bodies past the body window, deletes
 * exchanges, finished runs (steps and deliveries with them) and finished jobs past the metadata
 * window, forgets expired inbound message ids, and on SQLite returns the freed pages to the file
 * system. Every statement touches at most `batchSize` rows and commits on its own, with a pause
 * between, so a large backlog never holds the write lock for long.
 *
 * Only one pass runs at a time across processes: it starts by claiming the settings row and
 * answers `claimed` when another pruner holds it. What the pass did is stored on the row.
 */
export async function pruneRetention(options: PruneOptions): Promise<PruneOutcome> {
  const { db, prunerId } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();

  await ensureRetentionSettings(db);
  if (!(await claimPrune(db, prunerId, startedAt, CLAIM_LEASE_MS))) {
    return { ok: false, reason: "claimed" };
  }

  const counts = { bodies: 0, exchanges: 0, runs: 0, jobs: 0, messages: 0 };
  let shrunk: { pagesFreed: number; bytesFreed: number } | null = null;
  try {
    const { bodiesBefore, rowsBefore } = retentionCutoffs(await readRetentionPolicy(db), startedAt);
    const steps: [PruneStepName, PruneStep][] = [
      ["bodies", clearBodiesStep(db, rowsBefore, bodiesBefore, startedAt)],
      // Exchanges go before runs: a run's delete would otherwise first rewrite every exchange
      // that points at it, only for the next batch to delete them.
      ["exchanges", deleteExchangesStep(db, rowsBefore)],
      ["runs", deleteRunsStep(db, rowsBefore)],
      ["jobs", deleteJobsStep(db, rowsBefore)],
      ["messages", deleteExpiredMessagesStep(db, startedAt)],
    ];
    for (const [name, step] of steps) {
      counts[name] = await runInBatches(options, name, step, now);
    }
    shrunk = await shrinkIfSqlite(options);
  } catch (error) {
    await release(options, now(), counts, shrunk, String(error));
    throw error;
  }

  const record = await release(options, now(), counts, shrunk, null);
  log.info({ prunerId, ...record }, "retention pass finished");
  return { ok: true, result: { ...record, startedAt } };
}

async function runInBatches(
  options: PruneOptions,
  name: PruneStepName,
  step: PruneStep,
  now: () => Date,
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let total = 0;
  while (!options.signal?.aborted) {
    const count = await step(batchSize);
    options.onBatch?.(name, count);
    total += count;
    if (count < batchSize) break;
    await sleep(options.pauseMs ?? DEFAULT_PAUSE_MS);
    if (!(await renewPruneClaim(options.db, options.prunerId, now(), CLAIM_LEASE_MS))) {
      // The claim ran out under a stalled pass and another pruner took over; leave it the work.
      log.warn({ prunerId: options.prunerId, step: name }, "retention claim lost; stopping");
      break;
    }
  }
  return total;
}

async function shrinkIfSqlite(
  options: PruneOptions,
): Promise<{ pagesFreed: number; bytesFreed: number } | null> {
  if (options.database.kind !== "sqlite") return null;
  const outcome = await shrinkSqliteFile(options.database.path, {
    stepPages: VACUUM_STEP_PAGES,
    pauseMs: options.pauseMs ?? DEFAULT_PAUSE_MS,
    signal: options.signal,
  });
  if (outcome.ok) return outcome;
  log.warn(
    { path: options.database.path, reason: outcome.reason },
    "the SQLite file is not in incremental vacuum mode; freed pages stay in the file until `npm start` prepares it",
  );
  return null;
}

async function release(
  options: PruneOptions,
  finishedAt: Date,
  counts: Record<PruneStepName, number>,
  shrunk: { pagesFreed: number; bytesFreed: number } | null,
  error: string | null,
): Promise<PruneRecord> {
  const record: PruneRecord = {
    finishedAt,
    bodiesCleared: counts.bodies,
    exchangesDeleted: counts.exchanges,
    runsDeleted: counts.runs,
    jobsDeleted: counts.jobs,
    pagesFreed: shrunk?.pagesFreed ?? null,
    bytesFreed: shrunk?.bytesFreed ?? null,
    error,
  };
  await releasePruneClaim(options.db, options.prunerId, record);
  return record;
}
