import { z } from "zod";
import { parseJsonPath } from "./json-path";

export const MIN_STORED_BODY_BYTES = 1024;
export const MAX_STORED_BODY_BYTES = 10 * 1024 * 1024;
/** Enough for any real installation; the lists are checked on every stored exchange. */
export const MAX_HEADER_NAMES = 50;
export const MAX_JSON_PATHS = 50;

// An HTTP header name is a token (RFC 9110): no spaces, colons or separators.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The redaction settings an admin sends. Header names are stored in lower case, duplicates
 * dropped; path syntax is checked separately by {@link findInvalidPath}, so the answer can
 * name the path with its own error code.
 */
export const redactionSettingsSchema = z.object({
  headerNames: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A header name cannot be empty.")
        .max(200, "A header name has at most 200 characters.")
        .regex(HEADER_NAME, "A header name has no spaces, colons or separators."),
    )
    .max(MAX_HEADER_NAMES, `At most ${MAX_HEADER_NAMES} header names.`)
    .transform((names) => [...new Set(names.map((name) => name.toLowerCase()))]),
  jsonPaths: z
    .array(z.string().trim())
    .max(MAX_JSON_PATHS, `At most ${MAX_JSON_PATHS} paths.`)
    .transform((paths) => [...new Set(paths)]),
  maxStoredBodyBytes: z
    .number()
    .int()
    .min(MIN_STORED_BODY_BYTES, "Keep at least 1 KB of each body.")
    .max(MAX_STORED_BODY_BYTES, "Keep at most 10 MB of each body."),
});

export type RedactionSettingsInput = z.output<typeof redactionSettingsSchema>;

/** The first path that does not parse, with what is wrong with it; null when all parse. */
export function findInvalidPath(
  paths: readonly string[],
): { path: string; message: string } | null {
  for (const path of paths) {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) return { path, message: parsed.message };
  }
  return null;
}
