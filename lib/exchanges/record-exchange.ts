import type { ExchangeKind, ExchangeOutcome } from "../api/views";
import type { Tx } from "../db/client";
import type { CapturedExchange } from "../http/captured-exchange";

export type ExchangeLinks = {
  workspaceId: string;
  workflowId: string | null;
  runId?: string | null;
  stepId?: string | null;
  deliveryId?: string | null;
  attempt?: number | null;
  /** A webhook attempt's message id, or the one an inbound request carried. */
  messageId?: string | null;
  /** The exchange this one replays. */
  replayOfId?: string | null;
};

/** Longer message ids are cut: the column is indexed, and index entries have a size limit. */
export const MAX_STORED_MESSAGE_ID_LENGTH = 200;

/** Classifies an exchange for the log's outcome filter. */
export function outcomeOf(status: number | null): ExchangeOutcome {
  if (status === null) return "failed";
  if (status >= 200 && status < 300) return "success";
  if (status >= 400 && status < 500) return "client_error";
  if (status >= 500) return "server_error";
  return "other";
}

/**
 * The lower-cased host of a URL, e.g. "api.example.com" or "[::1]"; null when the URL does not
 * parse or has none.
 */
export function hostOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  return new URL(url).hostname.toLowerCase() || null;
}

/**
 * The row one exchange is stored as, without its id. Every write path builds its row here,
 * including the ones that insert it with SQL, so each one fills every column.
 */
export function exchangeData(kind: ExchangeKind, links: ExchangeLinks, exchange: CapturedExchange) {
  return {
    workspaceId: links.workspaceId,
    workflowId: links.workflowId,
    runId: links.runId ?? null,
    stepId: links.stepId ?? null,
    deliveryId: links.deliveryId ?? null,
    attempt: links.attempt ?? null,
    kind,
    outcome: outcomeOf(exchange.responseStatus),
    method: exchange.method,
    url: exchange.url,
    requestHeaders: JSON.stringify(exchange.requestHeaders),
    requestBody: exchange.requestBody,
    requestBodyTruncated: exchange.requestBodyTruncated,
    requestBodyEncoding: exchange.requestBodyEncoding,
    responseStatus: exchange.responseStatus,
    responseHeaders:
      exchange.responseHeaders === null ? null : JSON.stringify(exchange.responseHeaders),
    responseBody: exchange.responseBody,
    responseBodyTruncated: exchange.responseBodyTruncated,
    responseBodyEncoding: exchange.responseBodyEncoding,
    durationMs: Math.round(exchange.durationMs),
    error: exchange.error,
    createdAt: exchange.startedAt,
    failure: exchange.failure,
    host: kind === "inbound" ? null : hostOf(exchange.url),
    messageId: links.messageId?.slice(0, MAX_STORED_MESSAGE_ID_LENGTH) ?? null,
    connectMs: roundOrNull(exchange.connectMs),
    firstByteMs: roundOrNull(exchange.firstByteMs),
    replayOfId: links.replayOfId ?? null,
    isReplay: links.replayOfId != null,
  };
}

/**
 * Stores one exchange in the caller's transaction. The captured exchange is already redacted
 * and capped by whoever captured it; this only links it and files it. Publish
 * `exchange.created` after the transaction commits.
 */
export async function recordExchange(
  tx: Tx,
  kind: ExchangeKind,
  links: ExchangeLinks,
  exchange: CapturedExchange,
): Promise<{ id: string }> {
  return tx.exchange.create({ data: exchangeData(kind, links, exchange), select: { id: true } });
}

function roundOrNull(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}
