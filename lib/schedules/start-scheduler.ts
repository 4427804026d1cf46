import "server-only";
import type { Db } from "../db/client";
import { log } from "../log";
import { fireDueSchedules } from "./fire-due-schedules";

export type SchedulerOptions = {
  db: Db;
  /** How often due schedules are looked for; a tick fires at most this late. */
  intervalMs: number;
  now?: () => Date;
};

export type Scheduler = {
  /** Stops looking and waits for a pass in flight. */
  stop(): Promise<void>;
};

/**
 * Fires due Schedule triggers every `intervalMs`, beside the job worker. Every worker process
 * runs one; `fireDueSchedules` makes sure each tick starts a single run between them. A pass
 * that fails is logged and the next one tries again; the timer does not keep a process alive.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  let isStopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const runPass = async () => {
    try {
      await fireDueSchedules(options.db, now());
    } catch (error) {
      log.error({ err: error }, "schedule pass failed; the next one tries again");
    }
  };

  const scheduleNext = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      inFlight = runPass().finally(scheduleNext);
    }, options.intervalMs);
    timer.unref();
  };

  inFlight = runPass().finally(scheduleNext);
  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
