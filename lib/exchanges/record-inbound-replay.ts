import { z } from "zod";
import type { Tx } from "../db/client";
import { captureBody, contentTypeOf } from "../http/captured-exchange";
import type { RedactionRules } from "../redaction/redaction-rules";
import { redactHeaders } from "../secrets/redact";
import { outcomeOf } from "./record-exchange";

export type InboundReplay = {
  workspaceId: string;
  /** The run whose trigger request is replayed. */
  originalRunId: string;
  /** The run the replayed request starts. */
  runId: string;
  startedAt: Date;
};

/** What ingest answers when it accepts an event; a replay is answered the same way. */
const ACCEPTED_STATUS = 202;
const ACCEPTED_HEADERS = JSON.stringify({ "content-type": "application/json" });

/**
 * Records, in the caller's transaction, the inbound exchange of a re-run: the request that
 * started the original run, copied as it was stored (already redacted and capped) and redacted
 * again by today's `rules`, which may name more than the rules it was stored under; answered
 * as ingest answers an accepted event (202 with the new run id), and linked to the original
 * through `replayOfId`. Publish `exchange.created` after the transaction commits.
 *
 * Returns null when the original run has no inbound exchange. A manual run never received an
 * HTTP request, and an exchange in the log stands for one that really crossed the wire, so
 * none is made up for it; its re-run links back through the run's `rerunOfId` alone.
 */
export async function recordInboundReplay(
  tx: Tx,
  replay: InboundReplay,
  rules: RedactionRules,
): Promise<{ id: string } | null> {
  const original = await tx.exchange.findFirst({
    where: { workspaceId: replay.workspaceId, runId: replay.originalRunId, kind: "inbound" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!original) return null;

  return tx.exchange.create({
    data: inboundReplayRow(original, replay, {
      method: original.method,
      url: original.url,
      ...redactStoredRequest(original, rules),
    }),
    select: { id: true },
  });
}

/** The exchange a replay repeats, as far as its row links to it. */
type ReplayedExchange = { id: string; workflowId: string | null; messageId: string | null };

/** The request side of an inbound exchange as stored: headers as JSON, the body captured. */
export type StoredInboundRequest = {
  method: string;
  url: string;
  requestHeaders: string;
  requestBody: string | null;
  requestBodyTruncated: boolean;
  requestBodyEncoding: string | null;
};

/**
 * Records, in the caller's transaction, the inbound exchange of a replay with edits: `request`
 * (already redacted and capped) answered as ingest answers an accepted event, started as run
 * `runId`, and linked to `original` through `replayOfId`. Publish `exchange.created` after the
 * transaction commits.
 */
export function recordEditedInboundReplay(
  tx: Tx,
  original: ReplayedExchange,
  replay: { workspaceId: string; runId: string; startedAt: Date },
  request: StoredInboundRequest,
): Promise<{ id: string }> {
  return tx.exchange.create({
    data: inboundReplayRow(original, replay, request),
    select: { id: true },
  });
}

function inboundReplayRow(
  original: ReplayedExchange,
  replay: { workspaceId: string; runId: string; startedAt: Date },
  request: StoredInboundRequest,
) {
  return {
    workspaceId: replay.workspaceId,
    workflowId: original.workflowId,
    runId: replay.runId,
    kind: "inbound",
    outcome: outcomeOf(ACCEPTED_STATUS),
    ...request,
    responseStatus: ACCEPTED_STATUS,
    responseHeaders: ACCEPTED_HEADERS,
    responseBody: JSON.stringify({ runId: replay.runId }),
    responseBodyTruncated: false,
    responseBodyEncoding: "utf8",
    durationMs: Date.now() - replay.startedAt.getTime(),
    error: null,
    failure: null,
    messageId: original.messageId,
    replayOfId: original.id,
    isReplay: true,
    createdAt: replay.startedAt,
  };
}

const storedHeaders = z.record(z.string(), z.string());

type StoredRequestParts = Omit<StoredInboundRequest, "method" | "url">;

/**
 * A stored request with `rules` applied once more. A body stored as base64 or already cut is
 * kept as it is, apart from the cap: a cut JSON body no longer parses.
 */
function redactStoredRequest(
  original: StoredRequestParts,
  rules: RedactionRules,
): StoredRequestParts {
  const parsedHeaders = storedHeaders.safeParse(JSON.parse(original.requestHeaders));
  const headers = parsedHeaders.success ? parsedHeaders.data : {};
  const requestHeaders = JSON.stringify(redactHeaders(headers, rules.headerNames));
  const parts = {
    requestHeaders,
    requestBody: original.requestBody,
    requestBodyTruncated: original.requestBodyTruncated,
    requestBodyEncoding: original.requestBodyEncoding,
  };
  if (original.requestBody === null || original.requestBodyEncoding !== "utf8") return parts;

  const body = captureBody(
    Buffer.from(original.requestBody, "utf8"),
    rules,
    [],
    contentTypeOf(headers),
  );
  return {
    requestHeaders,
    requestBody: body.text,
    requestBodyTruncated: original.requestBodyTruncated || body.truncated,
    requestBodyEncoding: body.encoding,
  };
}
