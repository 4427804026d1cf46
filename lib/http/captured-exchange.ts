import type { ExchangeFailure } from "../api/views";
import { redactHeaders, redactSecretValues } from "../secrets/redact";
import type { RequestRecord } from "./outbound-request";

/**
 * One outbound HTTP exchange as the delivery log stores it: what was sent, what came back,
 * how long it took and how it failed. Credentials are already redacted and bodies capped;
 * a `...Truncated` flag says when a body was cut.
 */
export type CapturedExchange = {
  method: string;
  /** The target URL with any user:password part removed. */
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  requestBodyTruncated: boolean;
  /** `base64` when the stored bytes are not valid UTF-8. */
  requestBodyEncoding: BodyEncoding | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  responseBodyTruncated: boolean;
  responseBodyEncoding: BodyEncoding | null;
  durationMs: number;
  /** Milliseconds to the socket being connected and to the response's first byte. */
  connectMs: number | null;
  firstByteMs: number | null;
  error: string | null;
  failure: ExchangeFailure | null;
  startedAt: Date;
};

export type BodyEncoding = "utf8" | "base64";

/** The response as far as it arrived; `isBodyComplete` is false when it was cut short. */
export type ReceivedResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  isBodyComplete: boolean;
};

/** Everything known about an exchange once it is over, successful or not. */
export type ExchangeOutcome = {
  record: RequestRecord;
  response: ReceivedResponse | null;
  error: string | null;
  failure: ExchangeFailure | null;
  startedAtMs: number;
  durationMs: number;
  connectMs: number | null;
  firstByteMs: number | null;
};

/** A body as a {@link CapturedExchange} stores it. */
export type CapturedBody = {
  text: string | null;
  truncated: boolean;
  encoding: BodyEncoding | null;
};

/**
 * Turns the outcome of an exchange into what the delivery log stores: credential headers
 * redacted, the given secret values replaced wherever they occur, and each body capped at
 * `maxStoredBodyBytes`.
 */
export function captureExchange(
  outcome: ExchangeOutcome,
  limits: { maxStoredBodyBytes: number; secrets: readonly string[] },
): CapturedExchange {
  const { record, response } = outcome;
  const { maxStoredBodyBytes, secrets } = limits;
  const redact = (text: string) => redactSecretValues(text, secrets);
  const redactAll = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(redactHeaders(headers)).map(([k, v]) => [k, redact(v)]));
  const requestBody = captureBody(record.body, maxStoredBodyBytes, secrets);
  const responseBody = captureBody(response?.body ?? null, maxStoredBodyBytes, secrets);

  return {
    method: record.method,
    url: redact(record.url),
    requestHeaders: redactAll(record.headers),
    requestBody: requestBody.text,
    requestBodyTruncated: requestBody.truncated,
    requestBodyEncoding: requestBody.encoding,
    responseStatus: response?.status ?? null,
    responseHeaders: response ? redactAll(response.headers) : null,
    responseBody: responseBody.text,
    responseBodyTruncated: responseBody.truncated || response?.isBodyComplete === false,
    responseBodyEncoding: responseBody.encoding,
    durationMs: outcome.durationMs,
    connectMs: outcome.connectMs,
    firstByteMs: outcome.firstByteMs,
    error: outcome.error === null ? null : redact(outcome.error),
    failure: outcome.failure,
    startedAt: new Date(outcome.startedAtMs),
  };
}

/**
 * Keeps at most `maxStoredBodyBytes` of a body for the log: as text, with the given secret
 * values redacted, when the kept bytes are UTF-8; as base64 otherwise. A multi-byte character
 * cut by the cap is dropped whole. Secrets are not looked for in base64 bodies.
 *
 * @example
 * captureBody(Buffer.from("hello"), 4); // { text: "hell", truncated: true, encoding: "utf8" }
 */
export function captureBody(
  body: Uint8Array | null,
  maxStoredBodyBytes: number,
  secrets: readonly string[] = [],
): CapturedBody {
  if (body === null) return { text: null, truncated: false, encoding: null };

  const kept = body.subarray(0, Math.max(0, maxStoredBodyBytes));
  const truncated = kept.length < body.length;
  const text = decodeUtf8(kept, truncated);
  if (text !== null)
    return { text: redactSecretValues(text, secrets), truncated, encoding: "utf8" };
  return { text: Buffer.from(kept).toString("base64"), truncated, encoding: "base64" };
}

function decodeUtf8(bytes: Uint8Array, isCut: boolean): string | null {
  try {
    // Streaming mode holds back an incomplete sequence at the end instead of rejecting it,
    // which is what a cut through the middle of a character looks like.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: isCut,
    });
  } catch {
    return null;
  }
}
