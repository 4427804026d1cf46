import type { Db } from "../db/client";
import { publish } from "../events/event-bus";
import type { RedactionSource } from "../redaction/redaction-cache";
import { openSecret } from "../secrets/sealed-secret";
import { redactHeaders } from "../secrets/redact";
import { verifyInboundRequest } from "../webhooks/inbound-verification";
import { defaultWebhookTriggerConfig } from "../workflow/webhook-trigger-node-type";
import { parseStoredGraph } from "../workflows/stored-graph";
import {
  definedHeaders,
  errorAnswer,
  Recorder,
  type InboundAnswer,
  type InboundRequest,
} from "./inbound-exchange";
import { findInboundWorkflow } from "./ingest-store";
import { parseInboundBody, type InboundBodyEncoding } from "./parse-inbound-body";
import { readInboundBody } from "./read-inbound-body";
import { triggerSettingsOf } from "./trigger-settings";
import { afterWorkflowChange } from "./inbound-workflow-cache";

/** A request captured on a workflow's test URL, as `Workflow.testEvent` stores it. */
export type TestEvent = {
  receivedAt: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  bodyEncoding: InboundBodyEncoding;
  verification: { ok: true } | { ok: false; reason: string };
  exchangeId: string;
};

/**
 * Captures the next request to `/hooks/<token>/test` while the editor listens, whether or not
 * the workflow is active, and stores it as the workflow's sample event. The draft's Webhook
 * trigger settings apply, so people see what the production URL would do once they activate:
 * a request that fails verification is still captured, with the reason, and answered 401. A
 * capture ends the listening; nothing runs.
 */
export async function captureTestEvent(
  request: InboundRequest,
  token: string,
  options: { db: Db; redaction: RedactionSource; readTimeoutMs: number },
): Promise<InboundAnswer> {
  const startedAt = new Date();
  const workflow = await findInboundWorkflow(options.db, token);
  if (!workflow) return errorAnswer("workflow_not_found", "No workflow listens at this URL.");
  if (workflow.testListenUntil === null || workflow.testListenUntil <= startedAt) {
    return errorAnswer(
      "test_listener_inactive",
      'Not listening for a test event. Click "Listen for test event" in the editor, then send the request again.',
    );
  }
  const recorder = new Recorder(options, workflow, request, startedAt);
  const trigger = triggerSettingsOf(parseStoredGraph(workflow.draftGraph)).trigger;
  const config = trigger?.config ?? defaultWebhookTriggerConfig;
  recorder.useIdempotencyHeader(config.idempotencyHeader);

  if (trigger && !trigger.methods.has(request.method)) {
    const allowed = [...trigger.methods].join(", ");
    return recorder.reject("method_not_allowed", `Send ${allowed}, not ${request.method}.`, null, {
      allow: allowed,
    });
  }
  const body = await readInboundBody(request.body, {
    maxBytes: config.maxBodyBytes,
    timeoutMs: options.readTimeoutMs,
    declaredLength: request.headers["content-length"],
  });
  if (!body.ok) return recorder.rejectBody(body.reason, config.maxBodyBytes, options.readTimeoutMs);

  const secret =
    workflow.inboundSecret === null ? null : openSecret(workflow.inboundSecret, workflow.id);
  const verification = verifyInboundRequest(config, secret, {
    headers: request.headers,
    body: body.bytes,
    nowMs: startedAt.getTime(),
  });
  const parsed = parseInboundBody(body.bytes, request.headers["content-type"]);
  const answer: InboundAnswer = !verification.ok
    ? errorAnswer("verification_failed", verification.reason)
    : !parsed.ok
      ? errorAnswer("invalid_json", parsed.message)
      : {
          status: 200,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ captured: true }),
        };
  const error = verification.ok ? (parsed.ok ? null : parsed.message) : verification.reason;
  const failure = !verification.ok ? "signature" : parsed.ok ? null : "refused";
  const row = recorder.row(body.bytes, answer, error, null, failure);
  const url = new URL(request.url, "http://inbound.invalid");
  const event: TestEvent = {
    receivedAt: startedAt.toISOString(),
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: redactHeaders(definedHeaders(request.headers)),
    body: parsed.ok ? parsed.value : Buffer.from(body.bytes).toString("utf8"),
    bodyEncoding: parsed.ok ? parsed.encoding : "text",
    verification: verification.ok ? { ok: true } : { ok: false, reason: verification.reason },
    exchangeId: row.id,
  };

  const captured = await afterWorkflowChange(
    options.db.$transaction(async (tx) => {
      // Only the first request after Listen is captured; a second one finds listening over.
      const claimed = await tx.workflow.updateMany({
        where: { id: workflow.id, testListenUntil: { gt: startedAt } },
        data: { testEvent: JSON.stringify(event), testListenUntil: null },
      });
      if (claimed.count === 0) return false;
      await tx.exchange.create({ data: row });
      return true;
    }),
  );
  if (!captured) {
    return errorAnswer(
      "test_listener_inactive",
      "Another request was captured first. Listen again to capture this one.",
    );
  }
  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "exchange.created", id: row.id, workflowId: workflow.id, runId: null },
  });
  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "test-event.captured", workflowId: workflow.id },
  });
  return answer;
}
