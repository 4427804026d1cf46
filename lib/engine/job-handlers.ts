import type { Db } from "../db/client";
import type { AppConfig } from "../env";
import { defaultRetryDelaysMs, maxAttemptsFor } from "../queue/backoff";
import type { JobHandler } from "../queue/worker";
import type { JobKind } from "../queue/enqueue-job";
import { attemptDelivery } from "./attempt-delivery";
import { executeRun } from "./execute-run";
import type { ExecutionEnv } from "./executors/node-executor";

const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** The network policy and size limits steps and deliveries run under, from configuration. */
export function executionEnvFor(config: AppConfig): ExecutionEnv {
  return {
    policy: { allowPrivateNetworks: config.allowPrivateNetworks },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    maxStoredBodyBytes: config.maxStoredBodyBytes,
  };
}

/** Clocks and randomness the handlers use; tests inject them to run days of schedule at once. */
export type JobHandlerOptions = { now?: () => Date; random?: () => number };

/** The handlers a worker needs, wired to one database and configuration. */
export function createJobHandlers(
  db: Db,
  config: AppConfig,
  options: JobHandlerOptions = {},
): Record<JobKind, JobHandler> {
  const env = executionEnvFor(config);
  const retryDelaysMs = config.deliveryScheduleMs ?? defaultRetryDelaysMs;
  return {
    execute_run: (job) =>
      executeRun(job.subjectId, {
        db,
        env,
        firstAttemptDelayMs: 0,
        maxDeliveryAttempts: maxAttemptsFor(retryDelaysMs),
      }),
    attempt_delivery: (job) =>
      attemptDelivery(job.subjectId, {
        db,
        env,
        retryDelaysMs,
        endpointDisableAfterMs: config.endpointDisableAfterMs,
        now: options.now,
        random: options.random,
      }),
  };
}
