import { performance } from "node:perf_hooks";

import {
  countInto,
  isAcknowledgement,
  runIdOf,
  type Acknowledgement,
  type SequenceSource,
} from "./inbound-answers";
import { KeepAliveConnection } from "./inbound-connection";
import { createRequestBuilder } from "./inbound-request";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";

/** What one closed-loop run measured. */
export type ClosedLoopFigures = LatencySummary & {
  connections: number;
  /** From the first request to the last answer. */
  seconds: number;
  /** 2xx answers; the latencies are theirs. */
  acknowledged: number;
  acknowledgedPerSecond: number;
  /** Answers other than 2xx, by status. */
  refusedByStatus: Record<string, number>;
  /** Requests that got no answer, by reason (ECONNRESET, closed before answering, ...). */
  failedByReason: Record<string, number>;
};

export type ClosedLoopOptions = {
  port: number;
  path: string;
  connections: number;
  durationMs: number;
  sequences: SequenceSource;
  /** Every acknowledged request is added here, for the check against the database. */
  acknowledgements: Acknowledgement[];
};

/** A request still unanswered this long after the run's end is given up on. */
const ANSWER_GRACE_MS = 10_000;

/**
 * Keeps `connections` keep-alive connections busy for `durationMs`: each sends its next request
 * as soon as the last is answered, so the server sets the pace (a closed loop). A connection the
 * server closes is replaced until the time is up. Latency is from writing a request to reading
 * its whole answer.
 */
export function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopFigures> {
  const buildRequest = createRequestBuilder(options.port, options.path);
  const latenciesMs: number[] = [];
  const refusedByStatus: Record<string, number> = {};
  const failedByReason: Record<string, number> = {};
  const live = new Set<KeepAliveConnection>();
  const startedAt = performance.now();
  const deadline = startedAt + options.durationMs;

  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (live.size > 0 || performance.now() < deadline) return;
      clearTimeout(giveUpTimer);
      const seconds = (performance.now() - startedAt) / 1000;
      resolve({
        connections: options.connections,
        seconds,
        acknowledged: latenciesMs.length,
        acknowledgedPerSecond: latenciesMs.length / seconds,
        ...summarizeLatencies(latenciesMs),
        refusedByStatus,
        failedByReason,
      });
    };

    const open = () => {
      let sequence = 0;
      let sentAt = 0;
      const sendNext = () => {
        if (!connection.isIdle) return;
        if (performance.now() >= deadline) {
          connection.abandon();
          return;
        }
        sequence = options.sequences.next();
        sentAt = performance.now();
        connection.send(buildRequest(sequence));
      };
      const connection = new KeepAliveConnection(options.port, {
        onAnswer(answer) {
          const latencyMs = performance.now() - sentAt;
          if (isAcknowledgement(answer)) {
            latenciesMs.push(latencyMs);
            options.acknowledgements.push({ sequence, runId: runIdOf(answer.body) });
          } else {
            countInto(refusedByStatus, answer.status);
          }
          sendNext();
        },
        onFailure: (reason) => countInto(failedByReason, reason),
        onClose() {
          live.delete(connection);
          if (performance.now() < deadline) open();
          else finishIfDone();
        },
      });
      live.add(connection);
      sendNext();
    };

    for (let index = 0; index < options.connections; index += 1) open();
    // Declared last, but only read once a connection has closed, which is always later.
    const giveUpTimer = setTimeout(() => {
      for (const connection of live) {
        countInto(failedByReason, `no answer ${ANSWER_GRACE_MS / 1000} s after the end`);
        connection.abandon();
      }
    }, options.durationMs + ANSWER_GRACE_MS);
  });
}
