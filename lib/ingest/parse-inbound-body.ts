/** How a body reached templates: parsed JSON, form fields, text, base64 of binary, or nothing. */
export type InboundBodyEncoding = "json" | "form" | "text" | "base64" | "empty";

export type ParsedInboundBody =
  | { ok: true; value: unknown; encoding: InboundBodyEncoding }
  | { ok: false; reason: "invalid_json" };

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

  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    try {
      return { ok: true, value: JSON.parse(utf8(bytes) ?? ""), encoding: "json" };
    } catch {
      // Includes RangeError from absurdly deep nesting: the parser gives up, we answer 400.
      return { ok: false, reason: "invalid_json" };
    }
  }
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

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
