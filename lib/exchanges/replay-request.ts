import type { Exchange } from "../db/generated/client";
import { REDACTED } from "../secrets/redact";
import type { ReplayEdits } from "./replay-edits";

/** The request a replay sends or ingests: the original's, with the person's edits applied. */
export type ReplayRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
};

/** Why a replay cannot go ahead; the route maps each to its answer. */
export type ReplayRefusal =
  | { reason: "redacted_header"; headers: string[] }
  | { reason: "invalid_edit"; field: keyof ReplayEdits; message: string }
  | { reason: "not_replayable"; message: string };

export type BuiltRequest = { ok: true; request: ReplayRequest } | ({ ok: false } & ReplayRefusal);

// The client sets these from the message it frames; the recorded values are not resent.
const FRAMING_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);

/**
 * Applies `edits` to the stored request of `original`. A stored body that retention removed or
 * the log cut short cannot be resent as it is, so the person must supply one; a body stored as
 * base64 (bytes that were not UTF-8) is sent as those bytes.
 */
export function buildReplayRequest(original: Exchange, edits: ReplayEdits): BuiltRequest {
  const body = edits.body === undefined ? originalBody(original) : bodyOf(edits.body);
  if (!body.ok) return body;

  const headers = edits.headers ?? parseStoredHeaders(original.requestHeaders);
  return {
    ok: true,
    request: {
      method: edits.method ?? original.method,
      url: edits.url ?? original.url,
      headers: withoutFramingHeaders(headers),
      body: body.bytes,
    },
  };
}

/**
 * The names of headers whose value still holds the redaction mark: the log never stored their
 * real value, so sending them would send the mark itself.
 */
export function findRedactedHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([, value]) => value.includes(REDACTED))
    .map(([name]) => name);
}

type Body = { ok: true; bytes: Uint8Array | null } | ({ ok: false } & ReplayRefusal);

function bodyOf(text: string): Body {
  return { ok: true, bytes: text === "" ? null : Buffer.from(text, "utf8") };
}

function originalBody(original: Exchange): Body {
  const { requestBody, requestBodyEncoding } = original;
  if (original.bodiesPrunedAt !== null && requestBodyEncoding !== null) {
    const message = "Retention removed the original body; type the body to send.";
    return { ok: false, reason: "not_replayable", message };
  }
  if (original.requestBodyTruncated) {
    const message = "The log kept only the start of the original body; type the body to send.";
    return { ok: false, reason: "not_replayable", message };
  }
  if (requestBody === null) return { ok: true, bytes: null };
  const encoding = requestBodyEncoding === "base64" ? "base64" : "utf8";
  return { ok: true, bytes: Buffer.from(requestBody, encoding) };
}

/** A stored header map (JSON text), keeping only string values. */
export function parseStoredHeaders(text: string): Record<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

function withoutFramingHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !FRAMING_HEADERS.has(name.toLowerCase())),
  );
}
