import type { BodyEncoding } from "../http/captured-exchange";

/** The parts of a recorded request a cURL command repeats. */
export type CurlRequest = {
  method: string;
  /** Absolute, or a path such as `/hooks/…` that `origin` completes. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
  bodyEncoding: BodyEncoding | null;
  isBodyTruncated: boolean;
};

/** A command to paste into a POSIX shell, and what a reader should know before running it. */
export type CurlCommand = { command: string; notes: string[] };

// curl computes these from the URL and the body it sends; copying the recorded values would
// send a wrong length after truncation, or a host the URL already names.
const COMPUTED_HEADERS = new Set(["content-length", "host", "connection", "transfer-encoding"]);

/**
 * Builds a cURL command that sends the recorded request again. Every argument is quoted for a
 * POSIX shell, so nothing in a URL, header or body is expanded. Redacted values stay
 * `[redacted]`: the command never holds a credential the log did not keep. A binary body
 * (stored as base64) is decoded by `base64 -d` and piped in with `--data-binary @-`.
 *
 * @example
 * buildCurlCommand({ method: "GET", url: "/hooks/abc", headers: {}, body: null,
 *   bodyEncoding: null, isBodyTruncated: false }, "https://sy.example");
 * // { command: "curl 'https://sy.example/hooks/abc'", notes: [] }
 */
export function buildCurlCommand(request: CurlRequest, origin: string): CurlCommand {
  const notes: string[] = [];
  const body = request.body ?? "";
  const isBinary = request.bodyEncoding === "base64" || body.includes("\0");
  const method = request.method.toUpperCase();
  const methodArg = method !== "GET" || body !== "" ? ` -X ${quoteForShell(method)}` : "";
  const args = [`curl${methodArg} ${quoteForShell(absoluteUrl(request.url, origin))}`];

  for (const [name, value] of Object.entries(request.headers)) {
    if (COMPUTED_HEADERS.has(name.toLowerCase())) continue;
    args.push(`-H ${quoteForShell(`${name}: ${value}`)}`);
  }

  if (Object.values(request.headers).some((value) => value.includes("[redacted]"))) {
    notes.push("Redacted header values are left as [redacted]; fill them in before sending.");
  }
  if (request.isBodyTruncated) {
    notes.push("Only the beginning of the body was stored, so the command sends that part.");
  }
  if (body === "") return { command: args.join(" \\\n  "), notes };

  if (!isBinary) {
    args.push(`--data-raw ${quoteForShell(body)}`);
    return { command: args.join(" \\\n  "), notes };
  }
  args.push("--data-binary @-");
  notes.push("The body is binary: it is decoded from base64 and piped into curl.");
  const base64 = request.bodyEncoding === "base64" ? body : utf8ToBase64(body);
  const command = `printf %s ${quoteForShell(base64)} | base64 -d | ${args.join(" \\\n  ")}`;
  return { command, notes };
}

/**
 * One shell word holding exactly `value`: single-quoted, or ANSI-C quoted (`$'…'`, bash, zsh
 * and ksh) when it holds control characters that single quotes would pass on unreadably.
 * A NUL cannot be part of any argument; callers send such text as binary.
 *
 * @example
 * quoteForShell("it's"); // 'it'\''s'
 * quoteForShell("a\rb"); // $'a\rb'
 */
export function quoteForShell(value: string): string {
  if (![...value].some(isUnreadableControl)) return `'${value.replaceAll("'", `'\\''`)}'`;

  let quoted = "";
  for (const character of value) quoted += ansiCEscape(character);
  return `$'${quoted}'`;
}

function ansiCEscape(character: string): string {
  switch (character) {
    case "\\":
      return "\\\\";
    case "'":
      return "\\'";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
  }
  if (!isUnreadableControl(character)) return character;
  return `\\x${(character.codePointAt(0) ?? 0).toString(16).padStart(2, "0")}`;
}

/**
 * Control characters other than tab and newline: a single-quoted word would hold them, but a
 * terminal would not show them. Newlines and any other Unicode are fine inside single quotes.
 */
function isUnreadableControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code < 0x20 && character !== "\t" && character !== "\n") || code === 0x7f;
}

// The recorded URL is kept as it is, not normalised, so `[redacted]` is not percent-encoded.
function absoluteUrl(url: string, origin: string): string {
  return url.startsWith("/") ? `${origin.replace(/\/+$/, "")}${url}` : url;
}

function utf8ToBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
