import { classifyAttempt, type AttemptResult } from "../../deliveries/classify-attempt";
import type { CapturedExchange } from "../../http/captured-exchange";
import {
  sendRequest,
  type OutboundRequest,
  type OutboundResult,
  type SendRequestOptions,
} from "../../http/send-request";
import { log } from "../../log";
import { retryDelayMs } from "../../queue/backoff";
import { MAX_RETRY_DELAY_MS } from "../../workflow/http-request-node-type";
import type { ExecutionEnv } from "./node-executor";

/**
 * The delays between the attempts of an HTTP request node, before jitter: one per retry,
 * starting at `retryBackoffMs` and doubling, each at most 60 s.
 *
 * @example
 * retryScheduleFor({ retries: 3, retryBackoffMs: 1000 }); // [1000, 2000, 4000]
 */
export function retryScheduleFor(settings: { retries: number; retryBackoffMs: number }): number[] {
  return Array.from({ length: settings.retries }, (_, index) =>
    Math.min(settings.retryBackoffMs * 2 ** index, MAX_RETRY_DELAY_MS),
  );
}

/** What follows one attempt of an API call. */
export type RetryDecision =
  | { type: "succeeded" }
  | { type: "retry"; delayMs: number; reason: string }
  | { type: "failed"; reason: string };

export type RetryContext = {
  /** 1-based number of the attempt that produced the result. */
  attempt: number;
  /** Delays between attempts, from {@link retryScheduleFor}. */
  scheduleMs: readonly number[];
  now: Date;
  /** Returns a number in [0, 1) for the jitter; inject it in tests. */
  random: () => number;
};

/**
 * Decides what follows one attempt of an API call by the rules deliveries follow
 * (`classifyAttempt`): 2xx succeeds; 5xx, 429, timeouts and connection failures retry while
 * the schedule lasts; 3xx, other 4xx and refused requests fail at once. A step waits in place,
 * so it adds two limits of its own: no wait is longer than 60 s, and a `Retry-After` (on 429
 * and 503) that asks for longer fails the step instead of holding it.
 */
export function decideRetry(result: AttemptResult, context: RetryContext): RetryDecision {
  const { attempt, scheduleMs, now } = context;
  // One draw serves both calls below, so they apply the same jitter.
  const draw = context.random();
  const random = () => draw;
  const verdict = classifyAttempt(result, now, { attempt, scheduleMs, random });
  const problem = describeProblem(result);

  if (verdict.type === "delivered") return { type: "succeeded" };
  // 410 Gone disables a webhook endpoint; for an API call it is one more 4xx.
  if (verdict.type !== "retry") return { type: "failed", reason: withAttempts(problem, attempt) };

  // The verdict waits the longer of the schedule's delay and an honoured Retry-After, so a
  // wait beyond the schedule's delay is what the server asked for.
  const waitMs = verdict.at.getTime() - now.getTime();
  const scheduledMs = retryDelayMs(attempt, scheduleMs, random) ?? 0;
  if (waitMs > scheduledMs && waitMs > MAX_RETRY_DELAY_MS) {
    const asked = `${problem} and asked to wait ${Math.ceil(waitMs / 1000)} s`;
    const reason = `${asked}, longer than a step waits (${MAX_RETRY_DELAY_MS / 1000} s)`;
    return { type: "failed", reason: withAttempts(reason, attempt) };
  }
  return { type: "retry", delayMs: Math.min(waitMs, MAX_RETRY_DELAY_MS), reason: problem };
}

function describeProblem(result: AttemptResult): string {
  return result.ok ? `The server answered ${result.response.status}` : result.message;
}

function withAttempts(reason: string, attempt: number): string {
  return attempt === 1 ? reason : `${reason}; gave up after ${attempt} attempts`;
}

/** How retries wait and draw their jitter; tests inject all three. */
export type RetryClock = {
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
};

/** The clock an execution environment injects, with the real one filling the gaps. */
export function retryClockOf(env: ExecutionEnv): RetryClock {
  return {
    sleep: env.sleep ?? sleep,
    now: env.now ?? (() => new Date()),
    random: env.random ?? Math.random,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type RetriedCall = {
  /** The last attempt's result, whose answer the step reports. */
  result: OutboundResult;
  /** Every attempt's exchange, in order. */
  exchanges: CapturedExchange[];
  /** Why the call failed in the end; null when the last attempt succeeded. */
  error: string | null;
};

export type RetryOptions = {
  /** For the log: which node retries. */
  nodeId: string;
  scheduleMs: readonly number[];
  clock: RetryClock;
};

/**
 * Sends a request, and again after each retriable failure as {@link decideRetry} says, until
 * an attempt succeeds, a failure is final or the schedule runs out.
 *
 * The waits happen inside the step, while the worker renews the job's lease. Nothing cuts
 * them short: a worker that is told to stop gives the step its shutdown timeout, then releases
 * the job, and whoever claims it next runs the step again from its first attempt, so an API
 * call can be sent more times than its retries allow (at least once, like every step).
 */
export async function sendWithRetries(
  request: OutboundRequest,
  sendOptions: SendRequestOptions,
  options: RetryOptions,
): Promise<RetriedCall> {
  const { clock, scheduleMs } = options;
  const exchanges: CapturedExchange[] = [];

  for (let attempt = 1; ; attempt += 1) {
    const result = await sendRequest(request, sendOptions);
    exchanges.push(result.exchange);

    const context = { attempt, scheduleMs, now: clock.now(), random: clock.random };
    const decision = decideRetry(result, context);
    if (decision.type !== "retry") {
      return { result, exchanges, error: decision.type === "failed" ? decision.reason : null };
    }

    const { delayMs, reason } = decision;
    log.info({ nodeId: options.nodeId, attempt, delayMs, reason }, "API call failed; retrying");
    await clock.sleep(delayMs);
  }
}
