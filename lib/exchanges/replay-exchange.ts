import "server-only";
import type { ExchangeKind } from "../api/views";
import type { Db } from "../db/client";
import type { Exchange } from "../db/generated/client";
import type { ExecutionEnv } from "../engine/executors/node-executor";
import { publish } from "../events/event-bus";
import type { OutboundFailureReason, OutboundResult } from "../http/send-request";
import { log } from "../log";
import { exchangeData } from "./record-exchange";
import type { ReplayEdits } from "./replay-edits";
import { replayInbound } from "./replay-inbound";
import {
  buildReplayRequest,
  findRedactedHeaders,
  parseStoredHeaders,
  type ReplayRefusal,
  type ReplayRequest,
} from "./replay-request";
import { sendApiCallReplay, sendWebhookReplay } from "./send-outbound-replay";

export type ReplayOptions = { db: Db; env: ExecutionEnv };

/** Why an outbound replay got no usable answer, when it did not. */
export type ReplayFailure = { reason: OutboundFailureReason; message: string };

export type ReplayResult =
  | { ok: true; exchangeId: string; runId: string | null; failure: ReplayFailure | null }
  | { ok: false; reason: "not_found" }
  | ({ ok: false } & ReplayRefusal);

/**
 * Sends an exchange of the workspace again with the person's `edits`, and records the new
 * exchange with `replayOfId` naming the original.
 *
 * - An API call is sent through the guarded client; a webhook attempt is signed afresh under
 *   its delivery's message id (see `sendWebhookReplay`). Both are recorded as the same kind,
 *   linked to the original's workflow and run, but not to its step or delivery: the replay is
 *   no attempt of the delivery and changes neither it nor its endpoint's health. A request
 *   the network policy refuses, or one that fails, is recorded all the same, with the reason.
 * - An inbound exchange starts a new run of the workflow's published version (see
 *   `replayInbound`).
 *
 * Header values the log redacted hold only the mark `[redacted]`; an outbound replay that
 * would send one is refused with `redacted_header`, naming them, so the person types the real
 * value or removes the header. Inbound replays keep them: headers reach a run redacted anyway.
 */
export async function replayExchange(
  workspaceId: string,
  exchangeId: string,
  edits: ReplayEdits,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const { db } = options;
  const original = await db.exchange.findFirst({ where: { id: exchangeId, workspaceId } });
  if (!original) return { ok: false, reason: "not_found" };

  const kind = original.kind as ExchangeKind;
  const editsWithPayload =
    kind === "webhook_attempt" && edits.body === undefined
      ? { ...edits, body: await storedPayload(db, original) }
      : edits;
  const built = buildReplayRequest(original, editsWithPayload);
  if (!built.ok) return built;
  const { request } = built;

  if (kind === "inbound") {
    const started = await replayInbound(db, original, request, options.env.redaction());
    return started.ok ? { ...started, failure: null } : started;
  }

  const problem = findOutboundProblem(request);
  if (problem) return { ok: false, ...problem };
  const sent =
    kind === "webhook_attempt"
      ? await sendWebhookReplay(db, original, request, options.env)
      : await sendApiCallReplay(request, options.env, typedSecrets(original, request));
  if (!sent.ok) return sent;
  return recordOutboundReplay(db, original, kind, sent.result);
}

/** A webhook attempt resends its delivery's full payload; the log may hold only its start. */
async function storedPayload(db: Db, original: Exchange): Promise<string | undefined> {
  if (!original.deliveryId) return undefined;
  const delivery = await db.delivery.findUnique({
    where: { id: original.deliveryId },
    select: { payload: true },
  });
  return delivery?.payload;
}

function findOutboundProblem(request: ReplayRequest): ReplayRefusal | null {
  const redacted = findRedactedHeaders(request.headers);
  if (redacted.length > 0) return { reason: "redacted_header", headers: redacted };
  if (!URL.canParse(request.url) || !/^https?:$/.test(new URL(request.url).protocol)) {
    return { reason: "invalid_edit", field: "url", message: "Give an http: or https: URL." };
  }
  return null;
}

/**
 * The values typed in for headers the log had redacted: they are credentials, so they are
 * redacted again wherever they appear in the new exchange, whatever the header is called.
 */
function typedSecrets(original: Exchange, request: ReplayRequest): string[] {
  const redactedNames = new Set(
    findRedactedHeaders(parseStoredHeaders(original.requestHeaders)).map((name) =>
      name.toLowerCase(),
    ),
  );
  return Object.entries(request.headers)
    .filter(([name]) => redactedNames.has(name.toLowerCase()))
    .map(([, value]) => value);
}

async function recordOutboundReplay(
  db: Db,
  original: Exchange,
  kind: ExchangeKind,
  result: OutboundResult,
): Promise<ReplayResult> {
  const links = {
    workspaceId: original.workspaceId,
    workflowId: original.workflowId,
    runId: original.runId,
    messageId: original.messageId,
    replayOfId: original.id,
  };
  const created = await db.exchange.create({
    data: exchangeData(kind, links, result.exchange),
    select: { id: true },
  });

  publish({
    workspaceId: original.workspaceId,
    event: {
      type: "exchange.created",
      id: created.id,
      workflowId: original.workflowId,
      runId: original.runId,
    },
  });
  const failure = result.ok ? null : { reason: result.reason, message: result.message };
  log.info(
    { exchangeId: created.id, replayOfId: original.id, kind, failure: failure?.reason },
    "exchange replayed",
  );
  return { ok: true, exchangeId: created.id, runId: null, failure };
}
