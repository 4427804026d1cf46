import type { TestEvent } from "@/lib/ingest/test-capture";
import { formatTemplatePath } from "@/lib/workflow/parse-template";

/** One placeholder a captured request offers, with the value it gave in that request. */
export type TemplatePathSample = { template: string; sample: string };

/** Enough to show what a request holds without turning the panel into a JSON dump. */
const maxPaths = 40;
const maxDepth = 6;
const maxSampleChars = 60;

/**
 * Headers that the HTTP framing sets rather than the sender's application; a step almost never
 * reads them, and listing them would push the useful paths out of view.
 */
const framingHeaders: ReadonlySet<string> = new Set([
  "connection",
  "content-length",
  "host",
  "transfer-encoding",
  "accept-encoding",
  "keep-alive",
]);

/**
 * The `{{trigger…}}` placeholders a captured request can fill, body first, then query and
 * headers: every leaf of a JSON or form body, and an array through its first item only, since
 * the items usually share a shape. A body that is text is offered whole.
 *
 * @example
 * listCapturedPaths(event); // [{ template: "{{trigger.body.order.id}}", sample: "A-1" }, …]
 */
export function listCapturedPaths(event: TestEvent): TemplatePathSample[] {
  const paths: TemplatePathSample[] = [];
  if (event.bodyEncoding !== "empty") collectLeaves(["trigger", "body"], event.body, 0, paths);
  for (const [name, value] of Object.entries(event.query)) {
    paths.push(sampleOf(["trigger", "query", name], value));
  }
  for (const [name, value] of Object.entries(event.headers)) {
    if (!framingHeaders.has(name)) paths.push(sampleOf(["trigger", "headers", name], value));
  }
  return paths.slice(0, maxPaths);
}

function collectLeaves(
  path: string[],
  value: unknown,
  depth: number,
  paths: TemplatePathSample[],
): void {
  if (paths.length >= maxPaths) return;
  const isContainer = typeof value === "object" && value !== null;
  const entries = !isContainer
    ? []
    : Array.isArray(value)
      ? value.slice(0, 1).map((item): [string, unknown] => ["0", item])
      : Object.entries(value);

  if (entries.length === 0 || depth >= maxDepth) {
    if (value !== undefined) paths.push(sampleOf(path, value));
    return;
  }
  for (const [key, child] of entries) collectLeaves([...path, key], child, depth + 1, paths);
}

function sampleOf(path: readonly string[], value: unknown): TemplatePathSample {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return {
    template: `{{${formatTemplatePath(path)}}}`,
    sample: text.length > maxSampleChars ? `${text.slice(0, maxSampleChars - 1)}…` : text,
  };
}
