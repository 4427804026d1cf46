import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { DatabaseTarget } from "../env";
import { log } from "../log";
import { pruneRetention } from "./prune-retention";

export type RetentionPrunerOptions = {
  db: Db;
  database: DatabaseTarget;
  intervalMs: number;
  /** The first pass waits this long (default: one interval), so a start is not slowed by it. */
  firstDelayMs?: number;
};

export type RetentionPruner = {
  /** Stops scheduling passes and ends the one in flight at its next batch. */
  stop(): Promise<void>;
};

/**
 * Prunes the delivery log every `intervalMs`, beside the job worker. Passes never overlap in
 * this process, and the claim in `pruneRetention` keeps other processes' pruners out. A pass
 * that fails is logged and the next one tries again; the timer does not keep a process alive.
 */
export function startRetentionPruner(options: RetentionPrunerOptions): RetentionPruner {
  const prunerId = `pruner-${randomUUID().slice(0, 8)}`;
  const abort = new AbortController();
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delayMs: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      inFlight = runPass().finally(() => schedule(options.intervalMs));
    }, delayMs);
    timer.unref();
  };

  const runPass = async () => {
    try {
      const outcome = await pruneRetention({
        db: options.db,
        database: options.database,
        prunerId,
        signal: abort.signal,
      });
      if (!outcome.ok) log.debug({ prunerId }, "another pruner holds the retention claim");
    } catch (error) {
      log.error({ err: error, prunerId }, "retention pass failed; the next one tries again");
    }
  };

  schedule(options.firstDelayMs ?? options.intervalMs);
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await inFlight;
    },
  };
}
