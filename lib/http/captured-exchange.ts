import type { ExchangeFailure } from "../api/views";
import { redactBodyText, redactsBodies, type RedactionRules } from "../redaction/redaction-rules";
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
 * Turns the outcome of an exchange into what the delivery log stores: credential headers and
 * the rules' header names redacted, the rules' body paths redacted, the given secret values
 * replaced wherever they occur, and each body capped at the rules' `maxStoredBodyBytes`.
 */
export function captureExchange(
  outcome: ExchangeOutcome,
  limits: { redaction: RedactionRules; secrets: readonly string[] },
): CapturedExchange {
  const { record, response } = outcome;
  const { redaction, secrets } = limits;
  const redact = (text: string) => redactSecretValues(text, secrets);
  const redactAll = (headers: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(redactHeaders(headers, redaction.headerNames)).map(([k, v]) => [k, redact(v)]),
    );
  const requestBody = captureBody(record.body, redaction, secrets, contentTypeOf(record.headers));
  const responseBody = captureBody(
    response?.body ?? null,
    redaction,
    secrets,
    response ? contentTypeOf(response.headers) : undefined,
  );

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
 * Keeps at most the rules' `maxStoredBodyBytes` of a body for the log: as text, redacted, when
 * the body is UTF-8; as base64 otherwise. Redaction comes first and sees the whole body (JSON
 * paths and form fields by the rules, then the given secret values), so the cap cannot leave
 * half a redacted value behind. A multi-byte character cut by the cap is dropped whole.
 * Nothing is looked for in base64 bodies.
 *
 * Without body paths in the rules, the body is capped before it is decoded, so a large body
 * costs no more than the part kept.
 *
 * @example
 * captureBody(Buffer.from("hello"), builtInRedactionRules(4));
 * // { text: "hell", truncated: true, encoding: "utf8" }
 */
export function captureBody(
  body: Uint8Array | null,
  rules: RedactionRules,
  secrets: readonly string[] = [],
  contentType?: string,
): CapturedBody {
  if (body === null) return { text: null, truncated: false, encoding: null };
  const maxBytes = Math.max(0, rules.maxStoredBodyBytes);

  const whole = redactsBodies(rules) ? decodeUtf8(body, false) : null;
  if (whole !== null) {
    const redacted = redactSecretValues(redactBodyText(whole, contentType, rules), secrets);
    const bytes = Buffer.from(redacted, "utf8");
    if (bytes.length <= maxBytes) return { text: redacted, truncated: false, encoding: "utf8" };
    return {
      text: decodeUtf8(bytes.subarray(0, maxBytes), true) ?? "",
      truncated: true,
      encoding: "utf8",
    };
  }

  const kept = body.subarray(0, maxBytes);
  const truncated = kept.length < body.length;
  const text = decodeUtf8(kept, truncated);
  if (text !== null)
    return { text: redactSecretValues(text, secrets), truncated, encoding: "utf8" };
  return { text: Buffer.from(kept).toString("base64"), truncated, encoding: "base64" };
}

/** The Content-Type header's value, whatever the letter case of its name. */
export function contentTypeOf(headers: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "content-type") return value;
  }
  return undefined;
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
