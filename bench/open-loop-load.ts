import { performance } from "node:perf_hooks";

import {
  countInto,
  isAcknowledgement,
  runIdOf,
  type Acknowledgement,
  type SequenceSource,
} from "./inbound-answers";
import { KeepAliveConnection } from "./inbound-connection";
import type { HttpAnswer } from "./inbound-http-answer";
import { createRequestBuilder } from "./inbound-request";
import { summarizeLatencies, type LatencySummary } from "./latency-summary";

/** What one open-loop run measured; latencies are of every answer, whatever its status. */
export type OpenLoopFigures = LatencySummary & {
  targetPerSecond: number;
  seconds: number;
  /** Requests due in the window, each sent on time or as soon as a connection was free. */
  offered: number;
  offeredPerSecond: number;
  /** Connections opened before the window; the server closing one opens another. */
  connections: number;
  answered: number;
  /** 2xx answers; these are checked against the database. */
  acknowledged: number;
  byStatus: Record<string, number>;
  /** Answers that came, but more than a second after their request was due. */
  answeredAfterOneSecond: number;
  /** Requests with no answer: given up on at the end, or their connection failed. */
  unanswered: number;
  failedByReason: Record<string, number>;
};

export type OpenLoopOptions = {
  port: number;
  path: string;
  targetPerSecond: number;
  durationMs: number;
  connections: number;
  sequences: SequenceSource;
  acknowledgements: Acknowledgement[];
};

const TICK_MS = 1;
const SLOW_ANSWER_MS = 1_000;
/** After the window, requests still unanswered (or not yet sent) get this long, then count. */
const ANSWER_GRACE_MS = 5_000;

/** Connections opened at once while the pool is set up: fewer than a listen backlog holds. */
const CONNECT_BATCH = 200;

/**
 * Sends requests at `targetPerSecond` for `durationMs`, whether or not earlier ones have been
 * answered (an open loop, like many independent senders), over `connections` keep-alive
 * connections opened beforehand. Opening them all at the start would time the listen backlog
 * and SYN retries instead of the server. A request goes out on an idle connection, or else
 * waits for the next one that frees up; latency counts from when the request was due, so time
 * spent waiting for a connection is not hidden.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopFigures> {
  const run = new OpenLoopRun(options);
  await run.connect();
  await run.offerUntilWindowEnds();
  await run.waitForAnswers(ANSWER_GRACE_MS);
  return run.figures();
}

type Pending = { sequence: number; dueAt: number };

class OpenLoopRun {
  readonly #options: OpenLoopOptions;
  readonly #buildRequest: (sequence: number) => Buffer;
  #startedAt = performance.now();
  readonly #latenciesMs: number[] = [];
  readonly #byStatus: Record<string, number> = {};
  readonly #failedByReason: Record<string, number> = {};
  readonly #idle: KeepAliveConnection[] = [];
  /** Open connections, with the request each is waiting on the answer to, if any. */
  readonly #live = new Map<KeepAliveConnection, Pending | null>();
  /** Due times of requests that found every connection busy, oldest first from `#waitingHead`. */
  #waitingDueAt: number[] = [];
  #waitingHead = 0;
  #offered = 0;
  #isStopping = false;
  #acknowledged = 0;
  #answeredAfterOneSecond = 0;
  #unanswered = 0;

  constructor(options: OpenLoopOptions) {
    this.#options = options;
    this.#buildRequest = createRequestBuilder(options.port, options.path);
  }

  /** Opens the pool, a batch at a time; throws when a connection cannot be made. */
  async connect(): Promise<void> {
    while (this.#live.size < this.#options.connections) {
      const batch = Math.min(CONNECT_BATCH, this.#options.connections - this.#live.size);
      const opened = Array.from({ length: batch }, () => this.#open());
      const outcomes = await Promise.all(opened.map((connection) => connection.connected));
      if (outcomes.includes(false)) {
        this.#stop();
        throw new Error("The open-loop run could not open its connections");
      }
      this.#idle.push(...opened);
    }
    this.#startedAt = performance.now();
  }

  /** Offers every request due in the window, catching up on each tick with any that fell due. */
  offerUntilWindowEnds(): Promise<void> {
    const intervalMs = 1000 / this.#options.targetPerSecond;
    const windowEnd = this.#startedAt + this.#options.durationMs;
    return new Promise((resolve) => {
      const ticker = setInterval(() => {
        const now = Math.min(performance.now(), windowEnd);
        const due = Math.floor((now - this.#startedAt) / intervalMs);
        while (this.#offered < due) this.#offer(this.#startedAt + this.#offered * intervalMs);
        if (now < windowEnd) return;
        clearInterval(ticker);
        resolve();
      }, TICK_MS);
    });
  }

  /** Waits up to `graceMs` for answers, then counts what is left as unanswered. */
  async waitForAnswers(graceMs: number): Promise<void> {
    const giveUpAt = performance.now() + graceMs;
    while (performance.now() < giveUpAt && this.#outstanding() > 0) {
      await new Promise((wake) => setTimeout(wake, 20));
    }
    this.#unanswered += this.#outstanding();
    this.#stop();
  }

  figures(): OpenLoopFigures {
    const seconds = this.#options.durationMs / 1000;
    return {
      targetPerSecond: this.#options.targetPerSecond,
      seconds,
      offered: this.#offered,
      offeredPerSecond: this.#offered / seconds,
      connections: this.#options.connections,
      answered: this.#latenciesMs.length,
      acknowledged: this.#acknowledged,
      byStatus: this.#byStatus,
      answeredAfterOneSecond: this.#answeredAfterOneSecond,
      unanswered: this.#unanswered,
      failedByReason: this.#failedByReason,
      ...summarizeLatencies(this.#latenciesMs),
    };
  }

  #stop(): void {
    this.#isStopping = true;
    this.#waitingDueAt = [];
    this.#waitingHead = 0;
    for (const connection of [...this.#live.keys()]) connection.abandon();
  }

  #outstanding(): number {
    let inFlight = 0;
    for (const pending of this.#live.values()) if (pending) inFlight += 1;
    return inFlight + this.#waitingDueAt.length - this.#waitingHead;
  }

  #offer(dueAt: number): void {
    this.#offered += 1;
    const connection = this.#idle.pop();
    if (connection) this.#send(connection, dueAt);
    else this.#waitingDueAt.push(dueAt);
  }

  #send(connection: KeepAliveConnection, dueAt: number): void {
    const sequence = this.#options.sequences.next();
    this.#live.set(connection, { sequence, dueAt });
    connection.send(this.#buildRequest(sequence));
  }

  /** Gives a connection that has just become free the oldest waiting request, if any. */
  #release(connection: KeepAliveConnection): void {
    if (!connection.isIdle) return;
    const dueAt = this.#takeWaiting();
    if (dueAt === undefined) this.#idle.push(connection);
    else this.#send(connection, dueAt);
  }

  #takeWaiting(): number | undefined {
    if (this.#waitingHead === this.#waitingDueAt.length) return undefined;
    const dueAt = this.#waitingDueAt[this.#waitingHead];
    this.#waitingHead += 1;
    // Drops the taken part now and then, so a long backlog is not shifted one at a time.
    if (this.#waitingHead > 10_000 && this.#waitingHead * 2 > this.#waitingDueAt.length) {
      this.#waitingDueAt.splice(0, this.#waitingHead);
      this.#waitingHead = 0;
    }
    return dueAt;
  }

  #open(): KeepAliveConnection {
    const connection: KeepAliveConnection = new KeepAliveConnection(this.#options.port, {
      onAnswer: (answer) => {
        const pending = this.#live.get(connection);
        this.#live.set(connection, null);
        if (pending) this.#record(pending, answer);
        this.#release(connection);
      },
      onFailure: (reason) => {
        this.#live.set(connection, null);
        this.#unanswered += 1;
        countInto(this.#failedByReason, reason);
      },
      onClose: () => this.#forget(connection),
    });
    this.#live.set(connection, null);
    return connection;
  }

  /** Replaces a connection the server closed, while the run still sends. */
  #forget(connection: KeepAliveConnection): void {
    this.#live.delete(connection);
    const index = this.#idle.indexOf(connection);
    if (index !== -1) this.#idle.splice(index, 1);
    if (this.#isStopping) return;
    const replacement = this.#open();
    // Bytes written while it connects are sent once it has.
    this.#release(replacement);
  }

  #record(pending: Pending, answer: HttpAnswer): void {
    const latencyMs = performance.now() - pending.dueAt;
    this.#latenciesMs.push(latencyMs);
    if (latencyMs > SLOW_ANSWER_MS) this.#answeredAfterOneSecond += 1;
    countInto(this.#byStatus, answer.status);
    if (!isAcknowledgement(answer)) return;
    this.#acknowledged += 1;
    this.#options.acknowledgements.push({
      sequence: pending.sequence,
      runId: runIdOf(answer.body),
    });
  }
}
