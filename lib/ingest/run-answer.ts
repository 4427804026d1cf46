import { z } from "zod";
import type { LiveEvent, RunStatus } from "../api/views";
import type { Db } from "../db/client";
import { subscribe, type BusMessage } from "../events/event-bus";

/** What the inbound URL answers when its trigger waits for the run's result. */
export type RunAnswer = { status: number; headers: Record<string, string>; body: string };

export type WaitForRunAnswerOptions = {
  db: Db;
  runId: string;
  /** When given, only this workspace's run is read and only its events are listened to. */
  workspaceId?: string;
  /** How long to wait before giving up with null. */
  timeoutMs: number;
  /** Aborting stops the wait with null, e.g. when the caller hangs up. */
  signal?: AbortSignal;
};

/** What a Respond step stores on its run (see `recordRunAnswer`). */
const storedAnswerSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

/**
 * How often a waiter reads the run without being told to. Events are best effort (a
 * notification sent while the PostgreSQL relay reconnects is lost), so this bounds how late
 * a lost one makes the answer; it is not how answers are normally noticed.
 */
const RECHECK_INTERVAL_MS = 1000;

/**
 * Waits for the answer to the request that started a run: the first Respond step's answer,
 * or, once the run ends without one, the output of its last step (200, JSON), or for a failed
 * run a 500 `{ error: { code: "run_failed", message }, runId }`. Resolves null when
 * `timeoutMs` passes or `signal` aborts first; a run that does not exist never answers.
 *
 * It only listens: live events (`run.responded`, and `run.updated` with a final status) make
 * it read the run again, so a waiting request holds no worker and no connection between
 * reads. It subscribes before its first read, so an answer stored meanwhile is not missed.
 *
 * @throws Error (rejects) when the database fails, or a stored answer has the wrong shape.
 * @example
 * const answer = await waitForRunAnswer({ db, runId, workspaceId, timeoutMs: 10_000 });
 * if (answer === null) return Response.json({ runId }, { status: 202 });
 */
export function waitForRunAnswer(options: WaitForRunAnswerOptions): Promise<RunAnswer | null> {
  const { db, runId, workspaceId, timeoutMs, signal } = options;
  if (signal?.aborted) return Promise.resolve(null);

  return new Promise((resolve, reject) => {
    const stops: (() => void)[] = [];
    let isSettled = false;
    const settle = (finish: () => void) => {
      if (isSettled) return;
      isSettled = true;
      for (const stop of stops) stop();
      finish();
    };

    const check = coalesce(
      async () => {
        if (isSettled) return;
        const answer = await readRunAnswer(db, runId, workspaceId);
        if (answer !== null) settle(() => resolve(answer));
      },
      (error) => settle(() => reject(toError(error))),
    );

    stops.push(
      subscribe((message) => {
        if (isAboutRun(message, runId, workspaceId)) check();
      }),
    );
    const timeout = setTimeout(() => settle(() => resolve(null)), timeoutMs);
    const recheck = setInterval(check, RECHECK_INTERVAL_MS);
    const abort = () => settle(() => resolve(null));
    signal?.addEventListener("abort", abort, { once: true });
    stops.push(() => {
      clearTimeout(timeout);
      clearInterval(recheck);
      signal?.removeEventListener("abort", abort);
    });
    check();
  });
}

/**
 * The answer to the request that started a run, if it is known yet: see
 * {@link waitForRunAnswer}. Null while the run has neither answered nor ended, and for a run
 * that does not exist (in `workspaceId`, when given).
 */
export async function readRunAnswer(
  db: Db,
  runId: string,
  workspaceId?: string,
): Promise<RunAnswer | null> {
  const run = await db.run.findFirst({
    where: { id: runId, ...(workspaceId === undefined ? {} : { workspaceId }) },
    select: { status: true, response: true },
  });
  if (run === null) return null;

  if (run.response !== null) return storedAnswerSchema.parse(JSON.parse(run.response));
  if (run.status === "succeeded") return lastOutputAnswer(db, runId);
  if (run.status === "failed") return failedRunAnswer(db, runId);
  return null;
}

/** The output of the last step in plan order (the order steps finish in) that has one. */
async function lastOutputAnswer(db: Db, runId: string): Promise<RunAnswer> {
  const step = await db.step.findFirst({
    where: {
      runId,
      status: "succeeded",
      AND: [{ output: { not: null } }, { output: { not: "null" } }],
    },
    orderBy: { position: "desc" },
    select: { output: true },
  });
  return { status: 200, headers: jsonHeaders(), body: step?.output ?? "null" };
}

/**
 * Names the step that failed but not its error: the caller of an inbound URL is outside the
 * workspace, and step errors can describe internal hosts and addresses. The run id leads the
 * workflow's owner to the whole story.
 */
async function failedRunAnswer(db: Db, runId: string): Promise<RunAnswer> {
  const step = await db.step.findFirst({
    where: { runId, status: "failed" },
    orderBy: { position: "desc" },
    select: { nodeId: true },
  });
  const message = step ? `The run failed at step ${step.nodeId}` : "The run failed";
  const body = JSON.stringify({ error: { code: "run_failed", message }, runId });
  return { status: 500, headers: jsonHeaders(), body };
}

function jsonHeaders(): Record<string, string> {
  return { "content-type": "application/json" };
}

/** Whether a bus message may mean the run's answer is now known. */
function isAboutRun(message: BusMessage, runId: string, workspaceId: string | undefined): boolean {
  if (message.workspaceId === null) return false;
  if (workspaceId !== undefined && message.workspaceId !== workspaceId) return false;
  return mayCarryAnswer(message.event, runId);
}

function mayCarryAnswer(event: LiveEvent, runId: string): boolean {
  switch (event.type) {
    case "run.responded":
      return event.id === runId;
    case "run.updated":
      return event.id === runId && isFinal(event.status);
    case "exchange.created":
    case "delivery.updated":
    case "test-event.captured":
      return false;
  }
}

function isFinal(status: RunStatus): boolean {
  return status === "succeeded" || status === "failed";
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Wraps an async task so that it never runs twice at once: calls while it runs fold into one
 * more run after it, so a burst of events costs at most two reads.
 */
function coalesce(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let isRunning = false;
  let isWanted = false;
  const run = (): void => {
    if (isRunning) {
      isWanted = true;
      return;
    }
    isRunning = true;
    isWanted = false;
    task().then(() => {
      isRunning = false;
      if (isWanted) run();
    }, onError);
  };
  return run;
}
