import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { newId } from "../db/new-id";
import { publish, wakeWorkers } from "../events/event-bus";
import { log } from "../log";
import { openSecret } from "../secrets/sealed-secret";
import { verifyInboundRequest } from "../webhooks/inbound-verification";
import {
  definedHeaders,
  errorAnswer,
  Recorder,
  type InboundAnswer,
  type InboundRequest,
} from "./inbound-exchange";
import { inboundReadiness } from "./inbound-readiness";
import { cachedInboundWorkflow } from "./inbound-workflow-cache";
import { inboundTriggerData } from "./inbound-trigger-data";
import type { InboundTarget } from "./inbound-path";
import type { RedactionSource } from "../redaction/redaction-cache";
import {
  commitAcceptance,
  findStoredAnswer,
  findVersionGraph,
  pruneExpiredMessages,
  settleStoredAnswer,
  updateExchangeAnswer,
  type InboundWorkflow,
  type StoredAnswer,
} from "./ingest-store";
import { parseInboundBody } from "./parse-inbound-body";
import { RateLimiter } from "./rate-limiter";
import { readInboundBody } from "./read-inbound-body";
import { waitForRunAnswer } from "./run-answer";
import { captureTestEvent } from "./test-capture";
import { versionSettings, type TriggerSettings } from "./trigger-settings";

export type IngestOptions = {
  db: Db;
  /** What stored exchanges redact beyond the built-ins, and the bytes of each body kept. */
  redaction: RedactionSource;
  readTimeoutMs: number;
  /** Requests handled at once before new ones are shed with 503. */
  maxInFlight: number;
};

/** How long a message id is remembered. */
const messageIdTtlMs = 24 * 3_600_000;
/** Longer message ids are stored as their SHA-256, so a sender cannot bloat the table. */
const maxMessageIdLength = 200;
const pruneEveryMs = 10 * 60_000;

type IngestState = {
  inFlight: number;
  limiter: RateLimiter;
  secrets: Map<string, string>;
  lastPruneMs: number;
};

// Next's route handlers and the lean server may load this module separately in one process;
// the load they share is counted once.
const stateKey = Symbol.for("switchyard.ingestState");
const holder = globalThis as typeof globalThis & { [stateKey]?: IngestState };

function state(): IngestState {
  holder[stateKey] ??= {
    inFlight: 0,
    limiter: new RateLimiter(),
    secrets: new Map(),
    lastPruneMs: Date.now(),
  };
  return holder[stateKey];
}

/**
 * Handles one inbound request. A 2xx is sent only after the inbound exchange, the run and its
 * first job are committed, so an acknowledged event is never lost; anything that fails before
 * that answers 503 and the sender retries. Past `maxInFlight` concurrent requests, new ones are
 * shed at once with 503 and Retry-After, before their bodies are read, so a flood neither hangs
 * the server nor grows its memory.
 */
export async function ingest(
  request: InboundRequest,
  target: InboundTarget,
  options: IngestOptions,
): Promise<InboundAnswer> {
  const current = state();
  if (current.inFlight >= options.maxInFlight) {
    return errorAnswer("overloaded", "The server is busy. Retry after the Retry-After delay.", {
      "retry-after": "1",
    });
  }
  current.inFlight += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    current.inFlight -= 1;
  };
  try {
    // Resolves at once after the process's first load of the settings.
    await options.redaction.ready();
    if (target.isTest) return await captureTestEvent(request, target.token, options);
    return await ingestProduction(request, target.token, options, release);
  } catch (error) {
    log.error({ err: error }, "inbound request failed");
    return errorAnswer("unavailable", "The event could not be stored. Retry later.", {
      "retry-after": "5",
    });
  } finally {
    release();
  }
}

async function ingestProduction(
  request: InboundRequest,
  token: string,
  options: IngestOptions,
  release: () => void,
): Promise<InboundAnswer> {
  const startedAt = new Date();
  const { db } = options;
  const workflow = await cachedInboundWorkflow(db, token);
  if (!workflow) return errorAnswer("workflow_not_found", "No workflow listens at this URL.");
  const recorder = new Recorder(options, workflow, request, startedAt);

  const settings: TriggerSettings = workflow.activeVersionId
    ? await versionSettings(workflow.activeVersionId, () =>
        findVersionGraph(db, workflow.activeVersionId!),
      )
    : { trigger: null, isGraphValid: false };
  const readiness = inboundReadiness({
    isActive: workflow.isActive,
    trigger: settings.trigger?.config ?? null,
    isGraphValid: settings.isGraphValid,
    hasSecret: workflow.inboundSecret !== null,
  });
  if (!readiness.live) return recorder.reject(readiness.code, readiness.message, null);
  const trigger = settings.trigger!;
  const config = trigger.config;
  recorder.useIdempotencyHeader(config.idempotencyHeader);

  if (!trigger.methods.has(request.method)) {
    const allowed = [...trigger.methods].join(", ");
    return recorder.reject("method_not_allowed", `Send ${allowed}, not ${request.method}.`, null, {
      allow: allowed,
    });
  }

  if (config.rateLimitPerSecond > 0) {
    const waitMs = state().limiter.take(workflow.id, config.rateLimitPerSecond, Date.now());
    if (waitMs > 0) {
      // Not recorded: writing every refused request would turn a flood into write load.
      return errorAnswer(
        "rate_limited",
        `This URL accepts ${config.rateLimitPerSecond} requests a second. Retry later.`,
        { "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) },
      );
    }
  }

  const body = await readInboundBody(request.body, {
    maxBytes: config.maxBodyBytes,
    timeoutMs: options.readTimeoutMs,
    declaredLength: request.headers["content-length"],
  });
  if (!body.ok) return recorder.rejectBody(body.reason, config.maxBodyBytes, options.readTimeoutMs);

  const secret = openCachedSecret(workflow);
  const verified = verifyInboundRequest(config, secret, {
    headers: request.headers,
    body: body.bytes,
    nowMs: startedAt.getTime(),
  });
  if (!verified.ok) {
    const headers: Record<string, string> = verified.challenge
      ? { "www-authenticate": verified.challenge }
      : {};
    return recorder.reject("verification_failed", verified.reason, body.bytes, headers);
  }

  const parsed = parseInboundBody(body.bytes, request.headers["content-type"]);
  if (!parsed.ok) return recorder.reject("invalid_json", parsed.message, body.bytes);

  const messageId = messageIdOf(request, config.idempotencyHeader);
  if (messageId !== null) {
    const stored = await findStoredAnswer(db, workflow.id, messageId, startedAt);
    if (stored) return answerDuplicate(recorder, stored, body.bytes, config.responseTimeoutMs);
  }

  const runId = newId();
  const waitsForResult = config.responseMode === "result";
  const accepted = acceptedAnswer(runId);
  const exchange = recorder.row(body.bytes, accepted, null, runId);
  const committed = await commitAcceptance(db, {
    run: {
      id: runId,
      workspaceId: workflow.workspaceId,
      workflowId: workflow.id,
      versionId: workflow.activeVersionId!,
      triggerNodeId: trigger.nodeId,
      triggerData: JSON.stringify(
        inboundTriggerData(
          { method: request.method, url: request.url, headers: definedHeaders(request.headers) },
          parsed.value,
        ),
      ),
    },
    exchange,
    message:
      messageId === null
        ? null
        : {
            messageId,
            settled: !waitsForResult,
            status: accepted.status,
            headers: accepted.headers,
            body: accepted.body,
            expiresAt: new Date(startedAt.getTime() + messageIdTtlMs),
          },
    now: startedAt,
  });
  if (!committed) {
    // Another copy of this message committed between our lookup and our claim.
    const stored = await findStoredAnswer(db, workflow.id, messageId!, startedAt);
    if (stored) return answerDuplicate(recorder, stored, body.bytes, config.responseTimeoutMs);
    throw new Error("A message id was claimed but its answer is gone");
  }

  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "run.updated", id: runId, workflowId: workflow.id, status: "queued" },
  });
  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "exchange.created", id: exchange.id, workflowId: workflow.id, runId },
  });
  wakeWorkers();
  maybePruneMessages(db);
  if (!waitsForResult) return accepted;

  // Waiting holds no worker and no ingest slot: the run executes wherever a worker claims it.
  release();
  const answer =
    (await waitForRunAnswer({
      db,
      runId,
      workspaceId: workflow.workspaceId,
      timeoutMs: config.responseTimeoutMs,
    })) ?? accepted;
  const durationMs = Date.now() - startedAt.getTime();
  await updateExchangeAnswer(db, exchange.id, { ...recorder.storedAnswer(answer), durationMs });
  if (messageId !== null) await settleStoredAnswer(db, workflow.id, messageId, answer);
  return { status: answer.status, headers: answer.headers, body: answer.body };
}

/** Every copy of a message gets the first copy's answer, waiting for it if it is still due. */
async function answerDuplicate(
  recorder: Recorder,
  stored: StoredAnswer,
  bytes: Uint8Array,
  timeoutMs: number,
): Promise<InboundAnswer> {
  let answer = { status: stored.status, headers: stored.headers, body: stored.body };
  if (!stored.settled && stored.runId !== null) {
    const db = recorder.options.db;
    answer = (await waitForRunAnswer({ db, runId: stored.runId, timeoutMs })) ?? answer;
  }
  const replayed = { ...answer, headers: { ...answer.headers, "idempotent-replayed": "true" } };
  await recorder.record(bytes, replayed, null, stored.runId);
  return replayed;
}

function acceptedAnswer(runId: string): InboundAnswer {
  return {
    status: 202,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runId }),
  };
}

function messageIdOf(request: InboundRequest, headerName: string): string | null {
  if (headerName === "") return null;
  const value = request.headers[headerName.toLowerCase()]?.trim();
  if (!value) return null;
  if (value.length <= maxMessageIdLength) return value;
  return `sha256:${createHash("sha256").update(value).digest("hex")}`;
}

function openCachedSecret(workflow: InboundWorkflow): string | null {
  if (workflow.inboundSecret === null) return null;
  const cache = state().secrets;
  const key = `${workflow.id}:${workflow.inboundSecret}`;
  let plain = cache.get(key);
  if (plain === undefined) {
    plain = openSecret(workflow.inboundSecret, workflow.id);
    if (cache.size >= 1_000) cache.clear();
    cache.set(key, plain);
  }
  return plain;
}

function maybePruneMessages(db: Db): void {
  const current = state();
  const nowMs = Date.now();
  if (nowMs - current.lastPruneMs < pruneEveryMs) return;
  current.lastPruneMs = nowMs;
  pruneExpiredMessages(db, new Date(nowMs)).catch((error: unknown) =>
    log.warn({ err: error }, "could not forget expired inbound message ids"),
  );
}

export type { InboundAnswer, InboundRequest, InboundTarget };
