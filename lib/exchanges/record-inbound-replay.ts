import type { Tx } from "../db/client";
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
 * started the original run, copied as it was stored (already redacted and capped), answered as
 * ingest answers an accepted event (202 with the new run id), and linked to the original
 * through `replayOfId`. Publish `exchange.created` after the transaction commits.
 *
 * Returns null when the original run has no inbound exchange. A manual run never received an
 * HTTP request, and an exchange in the log stands for one that really crossed the wire, so
 * none is made up for it; its re-run links back through the run's `rerunOfId` alone.
 */
export async function recordInboundReplay(
  tx: Tx,
  replay: InboundReplay,
): Promise<{ id: string } | null> {
  const original = await tx.exchange.findFirst({
    where: { workspaceId: replay.workspaceId, runId: replay.originalRunId, kind: "inbound" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!original) return null;

  return tx.exchange.create({
    data: {
      workspaceId: replay.workspaceId,
      workflowId: original.workflowId,
      runId: replay.runId,
      kind: "inbound",
      outcome: outcomeOf(ACCEPTED_STATUS),
      method: original.method,
      url: original.url,
      requestHeaders: original.requestHeaders,
      requestBody: original.requestBody,
      requestBodyTruncated: original.requestBodyTruncated,
      requestBodyEncoding: original.requestBodyEncoding,
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
    },
    select: { id: true },
  });
}
