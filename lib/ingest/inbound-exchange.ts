import { errorStatus, type ErrorCode } from "../api/error-codes";
import type { ExchangeFailure } from "../api/views";
import type { Db } from "../db/client";
import { newId } from "../db/new-id";
import { publish } from "../events/event-bus";
import { exchangeData } from "../exchanges/record-exchange";
import { captureBody, type CapturedExchange } from "../http/captured-exchange";
import { redactHeaders } from "../secrets/redact";
import { recordInboundExchange } from "./ingest-store";

/**
 * A request to an inbound URL, free of any framework: the lean server and Next's route handler
 * both turn theirs into this, so every way in runs exactly the same checks.
 */
export type InboundRequest = {
  method: string;
  /** The path and query as received, e.g. "/hooks/abc?source=shop". */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: AsyncIterable<Uint8Array> | null;
};

/** The answer to send. `closeConnection` asks the way in to drop the connection afterwards. */
export type InboundAnswer = {
  status: number;
  headers: Record<string, string>;
  body: string;
  closeConnection?: boolean;
};

/** A JSON error answer with the status that belongs to its code. */
export function errorAnswer(
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): InboundAnswer {
  return {
    status: errorStatus[code],
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ error: { code, message } }),
  };
}

/** The headers that are present, as plain text. */
export function definedHeaders(headers: InboundRequest["headers"]): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) defined[name] = value;
  }
  return defined;
}

/** How the log files an inbound request turned away with `code`. */
function rejectionFailureOf(code: ErrorCode): ExchangeFailure {
  if (code === "verification_failed") return "signature";
  if (code === "request_timeout") return "timeout";
  return "refused";
}

/** Records a request's exchange, whatever the answer; rejections use it to say why. */
export class Recorder {
  /** The header a message id is read from before `webhook-id`; set once the trigger is known. */
  private idempotencyHeader = "";

  constructor(
    readonly options: { db: Db; maxStoredBodyBytes: number },
    readonly workflow: { id: string; workspaceId: string },
    readonly request: InboundRequest,
    readonly startedAt: Date,
  ) {}

  /** Reads message ids from the trigger's idempotency header first (none when empty). */
  useIdempotencyHeader(name: string): void {
    this.idempotencyHeader = name.toLowerCase();
  }

  /** The request's message id: its idempotency header, else its `webhook-id` header. */
  messageId(): string | null {
    const read = (name: string) => this.request.headers[name]?.trim() || null;
    return (this.idempotencyHeader && read(this.idempotencyHeader)) || read("webhook-id");
  }

  /** The exchange row for an answer, not yet stored. */
  row(
    bytes: Uint8Array | null,
    answer: InboundAnswer,
    error: string | null,
    runId: string | null,
    failure: ExchangeFailure | null = null,
  ) {
    const requestBody = captureBody(bytes, this.options.maxStoredBodyBytes);
    const exchange: CapturedExchange = {
      method: this.request.method,
      url: this.request.url,
      requestHeaders: redactHeaders(definedHeaders(this.request.headers)),
      requestBody: requestBody.text,
      requestBodyTruncated: requestBody.truncated,
      requestBodyEncoding: requestBody.encoding,
      responseStatus: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
      responseBodyTruncated: false,
      responseBodyEncoding: "utf8",
      durationMs: Date.now() - this.startedAt.getTime(),
      connectMs: null,
      firstByteMs: null,
      error,
      failure,
      startedAt: this.startedAt,
    };
    const links = {
      workspaceId: this.workflow.workspaceId,
      workflowId: this.workflow.id,
      runId,
      messageId: this.messageId(),
    };
    return { id: newId(), ...exchangeData("inbound", links, exchange) };
  }

  /** Stores the exchange and tells open logs about it. */
  async record(
    bytes: Uint8Array | null,
    answer: InboundAnswer,
    error: string | null,
    runId: string | null,
    failure: ExchangeFailure | null = null,
  ): Promise<string> {
    const row = this.row(bytes, answer, error, runId, failure);
    await recordInboundExchange(this.options.db, row);
    publish({
      workspaceId: this.workflow.workspaceId,
      event: { type: "exchange.created", id: row.id, workflowId: this.workflow.id, runId },
    });
    return row.id;
  }

  /** Answers with an error and records the exchange with the reason. */
  async reject(
    code: ErrorCode,
    message: string,
    bytes: Uint8Array | null,
    headers: Record<string, string> = {},
    failure: ExchangeFailure = rejectionFailureOf(code),
  ): Promise<InboundAnswer> {
    const answer = errorAnswer(code, message, headers);
    await this.record(bytes, answer, message, null, failure);
    return answer;
  }

  /** Answers a body that could not be read: too large, too slow, or cut off by the sender. */
  async rejectBody(
    reason: "too_large" | "timeout" | "aborted",
    maxBytes: number,
    timeoutMs: number,
  ): Promise<InboundAnswer> {
    const answer =
      reason === "too_large"
        ? await this.reject(
            "payload_too_large",
            `The body is larger than the limit of ${maxBytes} bytes.`,
            null,
          )
        : reason === "timeout"
          ? await this.reject(
              "request_timeout",
              `The body did not arrive within ${timeoutMs} ms.`,
              null,
            )
          : await this.reject(
              "validation_failed",
              "The sender broke off the body.",
              null,
              {},
              "connection",
            );
    // The rest of the body is not read; the connection cannot carry another request.
    return { ...answer, closeConnection: true };
  }
}
