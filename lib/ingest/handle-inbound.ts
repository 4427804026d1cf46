import type { ErrorCode } from "../api/error-codes";
import { errorResponse } from "../api/error-codes";
import type { Db } from "../db/client";
import { enqueueRun } from "../engine/enqueue-run";
import { publish, wakeWorkers } from "../events/event-bus";
import { recordExchange } from "../exchanges/record-exchange";
import { captureBody, type CapturedExchange } from "../http/captured-exchange";
import { log } from "../log";
import { redactHeaders } from "../secrets/redact";
import { parseStoredGraph } from "../workflows/stored-graph";
import { parseInboundBody } from "./parse-inbound-body";
import { readLimitedBody } from "./read-limited-body";

export type IngestOptions = {
  db: Db;
  maxBodyBytes: number;
  maxStoredBodyBytes: number;
};

const ACCEPTED_METHODS = new Set(["POST", "PUT", "PATCH"]);

type Workflow = {
  id: string;
  workspaceId: string;
  isActive: boolean;
  versionId: string | null;
  graph: string | null;
};

/**
 * Handles one request to `/hooks/<token>`, framework-free: a `Request` in, a `Response` out.
 * A 202 is sent only after the inbound exchange, the run and its first job are committed, so
 * an acknowledged event is never lost. Rejections of a known workflow are logged as exchanges
 * too; requests for unknown tokens are not, because they belong to no workspace.
 */
export async function handleInbound(
  request: Request,
  token: string,
  options: IngestOptions,
): Promise<Response> {
  const startedAt = new Date();
  const workflow = await findWorkflow(options.db, token);
  if (!workflow) return errorResponse("workflow_not_found", "No workflow listens at this URL.");

  const reject = async (
    code: ErrorCode,
    message: string,
    bytes: Uint8Array | null,
    headers?: HeadersInit,
  ) => {
    const response = errorResponse(code, message, undefined, headers);
    await recordRejection(options, workflow, request, startedAt, bytes, response.status, message);
    return response;
  };

  if (!ACCEPTED_METHODS.has(request.method)) {
    return reject("method_not_allowed", `Send POST, PUT or PATCH, not ${request.method}.`, null, {
      allow: "POST, PUT, PATCH",
    });
  }
  const triggerNodeId =
    workflow.isActive && workflow.graph ? findWebhookTrigger(workflow.graph) : null;
  if (!workflow.isActive || !workflow.versionId) {
    return reject(
      "workflow_inactive",
      "This workflow is inactive. Activate it in the editor to accept events.",
      null,
    );
  }
  if (!triggerNodeId) {
    return reject(
      "workflow_inactive",
      "The live version of this workflow has no Webhook trigger.",
      null,
    );
  }

  const body = await readLimitedBody(request, options.maxBodyBytes);
  if (!body.ok) {
    return reject(
      "payload_too_large",
      `The body is larger than the limit of ${options.maxBodyBytes} bytes.`,
      null,
    );
  }
  const parsed = parseInboundBody(body.bytes, request.headers.get("content-type"));
  if (!parsed.ok)
    return reject(
      "invalid_json",
      "The body is declared as JSON but is not valid JSON.",
      body.bytes,
    );

  const headers = redactHeaders(Object.fromEntries(request.headers));
  const url = new URL(request.url);
  const triggerData = {
    method: request.method,
    headers,
    query: Object.fromEntries(url.searchParams),
    body: parsed.value,
  };
  return accept(options, {
    workflow,
    versionId: workflow.versionId,
    triggerNodeId,
    triggerData,
    request,
    bytes: body.bytes,
    startedAt,
  });
}

async function findWorkflow(db: Db, token: string): Promise<Workflow | null> {
  const workflow = await db.workflow.findUnique({
    where: { token },
    select: {
      id: true,
      workspaceId: true,
      isActive: true,
      activeVersion: { select: { id: true, graph: true } },
    },
  });
  if (!workflow) return null;
  return {
    id: workflow.id,
    workspaceId: workflow.workspaceId,
    isActive: workflow.isActive,
    versionId: workflow.activeVersion?.id ?? null,
    graph: workflow.activeVersion?.graph ?? null,
  };
}

function findWebhookTrigger(graphText: string): string | null {
  return (
    parseStoredGraph(graphText).nodes.find((node) => node.type === "webhook-trigger")?.id ?? null
  );
}

type Acceptance = {
  workflow: Workflow;
  versionId: string;
  triggerNodeId: string;
  triggerData: unknown;
  request: Request;
  bytes: Uint8Array;
  startedAt: Date;
};

async function accept(options: IngestOptions, a: Acceptance): Promise<Response> {
  const { workflow } = a;
  const committed = await options.db.$transaction(async (tx) => {
    const run = await enqueueRun(tx, {
      workspaceId: workflow.workspaceId,
      workflowId: workflow.id,
      versionId: a.versionId,
      triggerKind: "webhook",
      triggerNodeId: a.triggerNodeId,
      triggerData: a.triggerData,
    });
    const responseBody = JSON.stringify({ runId: run.id });
    const exchange = captureInbound(
      options,
      a.request,
      a.startedAt,
      a.bytes,
      202,
      responseBody,
      null,
    );
    const recorded = await recordExchange(
      tx,
      "inbound",
      { workspaceId: workflow.workspaceId, workflowId: workflow.id, runId: run.id },
      exchange,
    );
    return { runId: run.id, exchangeId: recorded.id, responseBody };
  });

  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "run.updated", id: committed.runId, workflowId: workflow.id, status: "queued" },
  });
  publish({
    workspaceId: workflow.workspaceId,
    event: {
      type: "exchange.created",
      id: committed.exchangeId,
      workflowId: workflow.id,
      runId: committed.runId,
    },
  });
  wakeWorkers();
  log.info({ workflowId: workflow.id, runId: committed.runId }, "inbound event accepted");

  return new Response(committed.responseBody, {
    status: 202,
    headers: { "content-type": "application/json" },
  });
}

async function recordRejection(
  options: IngestOptions,
  workflow: Workflow,
  request: Request,
  startedAt: Date,
  bytes: Uint8Array | null,
  status: number,
  message: string,
): Promise<void> {
  const exchange = captureInbound(
    options,
    request,
    startedAt,
    bytes,
    status,
    JSON.stringify({ error: message }),
    message,
  );
  const recorded = await options.db.$transaction((tx) =>
    recordExchange(
      tx,
      "inbound",
      { workspaceId: workflow.workspaceId, workflowId: workflow.id },
      exchange,
    ),
  );
  publish({
    workspaceId: workflow.workspaceId,
    event: { type: "exchange.created", id: recorded.id, workflowId: workflow.id, runId: null },
  });
}

function captureInbound(
  options: IngestOptions,
  request: Request,
  startedAt: Date,
  bytes: Uint8Array | null,
  status: number,
  responseBody: string,
  error: string | null,
): CapturedExchange {
  const requestBody = captureBody(bytes, options.maxStoredBodyBytes);
  const url = new URL(request.url);
  return {
    method: request.method,
    url: url.pathname + url.search,
    requestHeaders: redactHeaders(Object.fromEntries(request.headers)),
    requestBody: requestBody.text,
    requestBodyTruncated: requestBody.truncated,
    requestBodyEncoding: requestBody.encoding,
    responseStatus: status,
    responseHeaders: { "content-type": "application/json" },
    responseBody,
    responseBodyTruncated: false,
    responseBodyEncoding: "utf8",
    durationMs: Date.now() - startedAt.getTime(),
    error,
    startedAt,
  };
}
