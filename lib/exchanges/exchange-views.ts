import { z } from "zod";
import type { BodyEncoding } from "../http/captured-exchange";
import type {
  ExchangeFailure,
  ExchangeKind,
  ExchangeOutcome,
  ExchangeSummaryView,
  ExchangeView,
} from "../api/views";

const headerMapSchema = z.record(z.string(), z.string());

export const exchangeSummarySelect = {
  id: true,
  kind: true,
  outcome: true,
  workflowId: true,
  runId: true,
  deliveryId: true,
  attempt: true,
  method: true,
  url: true,
  responseStatus: true,
  durationMs: true,
  error: true,
  failure: true,
  host: true,
  messageId: true,
  replayOfId: true,
  createdAt: true,
} as const;

type SummaryRecord = {
  id: string;
  kind: string;
  outcome: string;
  workflowId: string | null;
  runId: string | null;
  deliveryId: string | null;
  attempt: number | null;
  method: string;
  url: string;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  failure: string | null;
  host: string | null;
  messageId: string | null;
  replayOfId: string | null;
  createdAt: Date;
};

export function toExchangeSummaryView(
  row: SummaryRecord,
  workflowName: string | null,
): ExchangeSummaryView {
  return {
    ...row,
    kind: row.kind as ExchangeKind,
    outcome: row.outcome as ExchangeOutcome,
    failure: row.failure as ExchangeFailure | null,
    workflowName,
    createdAt: row.createdAt.toISOString(),
  };
}

type DetailRecord = SummaryRecord & {
  stepId: string | null;
  step: { nodeId: string } | null;
  connectMs: number | null;
  firstByteMs: number | null;
  requestHeaders: string;
  requestBody: string | null;
  requestBodyTruncated: boolean;
  responseHeaders: string | null;
  responseBody: string | null;
  responseBodyTruncated: boolean;
  requestBodyEncoding: string | null;
  responseBodyEncoding: string | null;
  bodiesPrunedAt: Date | null;
};

/** The exchanges that replay one exchange: the newest few ids and how many there are. */
export type ReplayList = { ids: string[]; count: number };

export function toExchangeView(
  row: DetailRecord,
  workflowName: string | null,
  replays: ReplayList,
): ExchangeView {
  return {
    ...toExchangeSummaryView(row, workflowName),
    stepId: row.stepId,
    // A node's id is the name the editor shows it under and templates refer to it by.
    stepName: row.step?.nodeId ?? null,
    connectMs: row.connectMs,
    firstByteMs: row.firstByteMs,
    requestHeaders: headerMapSchema.parse(JSON.parse(row.requestHeaders)),
    requestBody: row.requestBody,
    requestBodyTruncated: row.requestBodyTruncated,
    requestBodyEncoding: toBodyEncoding(row.requestBodyEncoding),
    responseHeaders:
      row.responseHeaders === null ? null : headerMapSchema.parse(JSON.parse(row.responseHeaders)),
    responseBody: row.responseBody,
    responseBodyTruncated: row.responseBodyTruncated,
    responseBodyEncoding: toBodyEncoding(row.responseBodyEncoding),
    bodiesPrunedAt: row.bodiesPrunedAt?.toISOString() ?? null,
    // Retention keeps the encodings, which are set exactly when a body was stored.
    requestBodyPruned: row.bodiesPrunedAt !== null && row.requestBodyEncoding !== null,
    responseBodyPruned: row.bodiesPrunedAt !== null && row.responseBodyEncoding !== null,
    replayIds: replays.ids,
    replayCount: replays.count,
  };
}

/** The stored column narrowed to the encodings there are. */
function toBodyEncoding(encoding: string | null): BodyEncoding | null {
  if (encoding === "base64" || encoding === "utf8") return encoding;
  return null;
}
