/** How a body reached templates: parsed JSON, form fields, text, base64 of binary, or nothing. */
export type InboundBodyEncoding = "json" | "form" | "text" | "base64" | "empty";

export type ParsedInboundBody =
  | { ok: true; value: unknown; encoding: InboundBodyEncoding }
  | { ok: false; reason: "invalid_json" | "too_deep"; message: string };

/**
 * Deepest nesting of arrays and objects a JSON body may have. V8 parses any depth, but storing
 * and templating recurse, so a body nested a hundred thousand levels would fail after parsing.
 */
export const maxJsonDepth = 64;

const textMediaTypes = new Set([
  "application/xml",
  "application/javascript",
  "application/graphql",
  "application/x-ndjson",
]);

/**
 * Turns the raw bytes of an inbound request into what templates see as `trigger.body`: parsed
 * JSON for JSON types, an object of fields for form posts, text for textual types (and for
 * untyped bodies that are valid UTF-8), and base64 text for everything binary, so no byte is
 * lost or mangled. Empty bodies are null.
 */
export function parseInboundBody(
  bytes: Uint8Array,
  contentType: string | undefined,
): ParsedInboundBody {
  if (bytes.byteLength === 0) return { ok: true, value: null, encoding: "empty" };
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();

  if (mediaType === "application/json" || mediaType.endsWith("+json")) return parseJson(bytes);
  if (mediaType === "application/x-www-form-urlencoded") {
    const text = Buffer.from(bytes).toString("utf8");
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)), encoding: "form" };
  }
  const isTextual =
    mediaType.startsWith("text/") || mediaType.endsWith("+xml") || textMediaTypes.has(mediaType);
  if (isTextual || mediaType === "") {
    const text = utf8(bytes);
    if (text !== null) return { ok: true, value: text, encoding: "text" };
  }
  return { ok: true, value: Buffer.from(bytes).toString("base64"), encoding: "base64" };
}

function parseJson(bytes: Uint8Array): ParsedInboundBody {
  const text = utf8(bytes) ?? "";
  if (exceedsJsonDepth(text, maxJsonDepth)) {
    const message = `The JSON body is nested deeper than ${maxJsonDepth} levels.`;
    return { ok: false, reason: "too_deep", message };
  }
  try {
    return { ok: true, value: JSON.parse(text), encoding: "json" };
  } catch {
    const message = "The body is declared as JSON but is not valid JSON.";
    return { ok: false, reason: "invalid_json", message };
  }
}

/**
 * Whether brackets outside strings nest deeper than `maxDepth`: one pass, no recursion, so an
 * absurd body costs a scan and never the stack. Malformed text is left to the parser.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isInString) {
      if (code === 0x5c)
        index += 1; // a backslash escapes the next character
      else if (code === 0x22) isInString = false;
    } else if (code === 0x22) {
      isInString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
