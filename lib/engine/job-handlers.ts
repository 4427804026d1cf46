import type { Db } from "../db/client";
import type { AppConfig } from "../env";
import { redactionCacheFor, type RedactionSource } from "../redaction/redaction-cache";
import { builtInRedactionRules } from "../redaction/redaction-rules";
import { defaultRetryDelaysMs, maxAttemptsFor } from "../queue/backoff";
import type { JobHandler } from "../queue/worker";
import type { JobKind } from "../queue/enqueue-job";
import { attemptDelivery } from "./attempt-delivery";
import { executeRun } from "./execute-run";
import type { ExecutionEnv } from "./executors/node-executor";

const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * The network policy, size limits and redaction steps and deliveries run under. Without a
 * redaction source, only the built-in rules apply, with the configured stored-body cap.
 */
export function executionEnvFor(config: AppConfig, redaction?: RedactionSource): ExecutionEnv {
  const builtIn = builtInRedactionRules(config.maxStoredBodyBytes);
  return {
    policy: { allowPrivateNetworks: config.allowPrivateNetworks },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    redaction: redaction ? () => redaction.current() : () => builtIn,
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
  // Redaction settings come from the process cache, loaded before the first job stores anything.
  const redaction = redactionCacheFor(db);
  const env = executionEnvFor(config, redaction);
  const retryDelaysMs = config.deliveryScheduleMs ?? defaultRetryDelaysMs;
  return {
    execute_run: async (job) => {
      await redaction.ready();
      return executeRun(job.subjectId, {
        db,
        env,
        firstAttemptDelayMs: 0,
        maxDeliveryAttempts: maxAttemptsFor(retryDelaysMs),
      });
    },
    attempt_delivery: async (job) => {
      await redaction.ready();
      return attemptDelivery(job.subjectId, {
        db,
        env,
        retryDelaysMs,
        endpointDisableAfterMs: config.endpointDisableAfterMs,
        now: options.now,
        random: options.random,
      });
    },
  };
}
