import type { Db } from "../db/client";
import type { Exchange } from "../db/generated/client";
import { publish, wakeWorkers } from "../events/event-bus";
import { enqueueRun } from "../engine/enqueue-run";
import { captureBody } from "../http/captured-exchange";
import { inboundTriggerData } from "../ingest/inbound-trigger-data";
import { parseInboundBody } from "../ingest/parse-inbound-body";
import { triggerSettingsOf } from "../ingest/trigger-settings";
import { log } from "../log";
import { redactHeaders } from "../secrets/redact";
import type { RedactionRules } from "../redaction/redaction-rules";
import { parseStoredGraph } from "../workflows/stored-graph";
import { recordEditedInboundReplay } from "./record-inbound-replay";
import type { ReplayRefusal, ReplayRequest } from "./replay-request";

export type InboundReplayResult =
  { ok: true; exchangeId: string; runId: string } | ({ ok: false } & ReplayRefusal);

/**
 * Starts a new run of the workflow's published version with `request` as its trigger data, as
 * if it had just arrived at the inbound URL, and records it as an inbound exchange that replays
 * `original`. The sender's verification is not checked again (an editor asked for this run, and
 * a redacted credential could not pass it), nor are idempotency and rate limits; the body is
 * parsed by its content type exactly as ingest parses it.
 */
export async function replayInbound(
  db: Db,
  original: Exchange,
  request: ReplayRequest,
  redaction: RedactionRules,
): Promise<InboundReplayResult> {
  const startedAt = new Date();
  const workflow = original.workflowId
    ? await db.workflow.findFirst({
        where: { id: original.workflowId, workspaceId: original.workspaceId },
        select: { id: true, activeVersion: { select: { id: true, graph: true } } },
      })
    : null;
  const version = workflow?.activeVersion;
  if (!workflow || !version) {
    const message = "The workflow has no published version to start a run of.";
    return { ok: false, reason: "not_replayable", message };
  }
  const { trigger } = triggerSettingsOf(parseStoredGraph(version.graph));
  if (!trigger) {
    const message = "The workflow's published version has no Webhook trigger.";
    return { ok: false, reason: "not_replayable", message };
  }

  const bytes = request.body ?? new Uint8Array();
  const headers = lowerCasedNames(request.headers);
  const parsed = parseInboundBody(bytes, headers["content-type"]);
  if (!parsed.ok)
    return { ok: false, reason: "invalid_edit", field: "body", message: parsed.message };

  const captured = captureBody(request.body, redaction, [], headers["content-type"]);
  const triggerRequest = { method: request.method, url: request.url, headers };
  const { workspaceId } = original;
  const result = await db.$transaction(async (tx) => {
    const run = await enqueueRun(tx, {
      workspaceId,
      workflowId: workflow.id,
      versionId: version.id,
      triggerKind: "webhook",
      triggerNodeId: trigger.nodeId,
      triggerData: inboundTriggerData(triggerRequest, parsed.value),
    });
    const exchange = await recordEditedInboundReplay(
      tx,
      original,
      { workspaceId, runId: run.id, startedAt },
      {
        method: request.method,
        url: request.url,
        requestHeaders: JSON.stringify(redactHeaders(headers, redaction.headerNames)),
        requestBody: captured.text,
        requestBodyTruncated: captured.truncated,
        requestBodyEncoding: captured.encoding,
      },
    );
    return { runId: run.id, exchangeId: exchange.id };
  });

  const { runId, exchangeId } = result;
  publish({
    workspaceId,
    event: { type: "run.updated", id: runId, workflowId: workflow.id, status: "queued" },
  });
  publish({
    workspaceId,
    event: { type: "exchange.created", id: exchangeId, workflowId: workflow.id, runId },
  });
  wakeWorkers();
  log.info({ runId, workflowId: workflow.id, replayOfId: original.id }, "inbound replay");
  return { ok: true, exchangeId, runId };
}

function lowerCasedNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
