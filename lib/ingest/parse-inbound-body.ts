export type ParsedInboundBody =
  { ok: true; value: unknown } | { ok: false; reason: "invalid_json" };

/**
 * Turns the raw bytes of an inbound request into what templates see as `trigger.body`: parsed
 * JSON for JSON types, an object for form posts, text for everything else. Empty bodies are null.
 */
export function parseInboundBody(bytes: Uint8Array, contentType: string | null): ParsedInboundBody {
  if (bytes.byteLength === 0) return { ok: true, value: null };
  const text = Buffer.from(bytes).toString("utf8");
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // Includes RangeError from absurdly deep nesting: the parser gives up, we answer 400.
      return { ok: false, reason: "invalid_json" };
    }
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  return { ok: true, value: text };
}
