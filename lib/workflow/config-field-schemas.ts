import { z } from "zod";
import { isCredentialHeader } from "../secrets/redact";

/**
 * Headers the HTTP client sets from the request itself. Letting a config set them could break
 * message framing or address a different virtual host than the URL names.
 */
const clientOwnedHeaders: ReadonlySet<string> = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
]);

/** RFC 7230 section 3.2.6: a header name is a non-empty run of "tchar" characters. */
const headerNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** CR and LF would end the header line and start another one; fetch also refuses NUL. */
const headerValueBreakPattern = /[\r\n\0]/;

/** Whether text is an absolute URL with the http or https scheme. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === "http:" || protocol === "https:";
}

/**
 * A URL setting: an absolute http(s) URL, or text holding a `{{template}}` that gives one at run
 * time. The rendered URL is checked again when the step runs, and the outbound client applies
 * its SSRF guard to it; neither is this schema's job.
 */
export function urlFieldSchema() {
  return z
    .string({ error: "Enter a URL" })
    .trim()
    .min(1, { error: "Enter a URL", abort: true })
    .refine(
      (text) => text.includes("{{") || isHttpUrl(text),
      "Enter an http:// or https:// URL, or a {{template}} that gives one",
    );
}

/** Header names a part of the system sets itself, e.g. `webhook-` headers set by signing. */
export type ReservedHeaderPrefix = { prefix: string; setBy: string };

/**
 * A map of request headers, each value text. Names must be RFC 7230 tokens, values cannot break
 * the header line, and names the client owns, or that start with a reserved prefix, are
 * refused.
 */
export function headerMapSchema(reservedPrefixes: readonly ReservedHeaderPrefix[] = []) {
  return z
    .record(z.string(), z.string({ error: "Header values are text" }))
    .superRefine((headers, ctx) => {
      for (const [name, value] of Object.entries(headers)) {
        const message = findHeaderProblem(name, value, reservedPrefixes);
        if (message !== undefined) ctx.addIssue({ code: "custom", message, path: [name] });
      }
    });
}

/** A map of query parameters, each value text. */
export function queryMapSchema() {
  return z
    .record(z.string(), z.string({ error: "Query parameter values are text" }))
    .superRefine((query, ctx) => {
      if (Object.hasOwn(query, "")) {
        ctx.addIssue({
          code: "custom",
          message: "Query parameter names cannot be empty",
          path: [""],
        });
      }
    });
}

/** A timeout in whole milliseconds, between 100 ms and 30 seconds. */
export function timeoutMsSchema() {
  return z
    .number({ error: "Enter a timeout in milliseconds" })
    .int("Enter the timeout in whole milliseconds")
    .min(100, "The timeout must be at least 100 ms")
    .max(30_000, "The timeout can be at most 30000 ms (30 seconds)");
}

function findHeaderProblem(
  name: string,
  value: string,
  reservedPrefixes: readonly ReservedHeaderPrefix[],
): string | undefined {
  const shownName = JSON.stringify(name);
  if (!headerNamePattern.test(name)) {
    return `${shownName} is not a valid header name: use letters, digits and - only`;
  }

  const lowerName = name.toLowerCase();
  if (clientOwnedHeaders.has(lowerName)) {
    return `The ${name} header is set by the HTTP client and cannot be configured`;
  }
  const reserved = reservedPrefixes.find(({ prefix }) => lowerName.startsWith(prefix));
  if (reserved !== undefined) {
    const { prefix, setBy } = reserved;
    return `Headers starting with "${prefix}" are set by ${setBy} and cannot be configured`;
  }

  if (headerValueBreakPattern.test(value)) {
    return `The value of ${name} contains a line break, which could inject another header`;
  }
  // An exported workflow leaves credentials empty; saying so here lists each one to fill in.
  if (value.trim() === "" && isCredentialHeader(name)) {
    return `Enter the credential for the ${name} header, or remove the header`;
  }
  return undefined;
}
