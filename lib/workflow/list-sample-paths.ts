import { formatTemplatePath } from "./parse-template";
import { orderTriggerData, type TemplateSamples } from "./template-samples";

/** A path that sample data holds, written as a template would, with the value it gave. */
export type SamplePath = { path: string; sample: string };

/**
 * Bounds of the listing: sample data may be a large response body, and the completion list
 * only ever shows a screenful of it.
 */
export const samplePathLimits = { maxPaths: 500, maxDepth: 8, maxSampleChars: 60 } as const;

/** Keys the template parser refuses, so offering them would only lead to an error. */
const unreadableKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Shown beside an earlier step that has no output in the last run. */
export const noOutputSample = "no output in the last run";

/**
 * Every path the samples hold, objects as well as their leaves, so a person can stop at any
 * level: trigger data first (body, query, headers), then each earlier step's output in
 * execution order. An array is walked through its first item only, since its items usually
 * share a shape. Stops at {@link samplePathLimits}.
 *
 * @example
 * listSamplePaths(samples);
 * // [{ path: "trigger.body", sample: '{"order":{"id":"A-1"}}' },
 * //  { path: "trigger.body.order", sample: '{"id":"A-1"}' },
 * //  { path: "trigger.body.order.id", sample: "A-1" }, …]
 */
export function listSamplePaths(samples: TemplateSamples): SamplePath[] {
  const paths: SamplePath[] = [];
  if (samples.trigger) collectChildren(["trigger"], orderTriggerData(samples.trigger.data), paths);

  for (const id of samples.earlierStepIds) {
    if (!Object.hasOwn(samples.stepOutputs, id)) {
      pushPath(paths, { path: formatTemplatePath(["steps", id]), sample: noOutputSample });
      continue;
    }
    collectPath(["steps", id], samples.stepOutputs[id], paths);
  }
  return paths;
}

/** Shortens a value to one line for showing beside its path. */
export function describeSample(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  const { maxSampleChars } = samplePathLimits;
  return text.length > maxSampleChars ? `${text.slice(0, maxSampleChars - 1)}…` : text;
}

function collectPath(path: string[], value: unknown, paths: SamplePath[]): void {
  if (!pushPath(paths, { path: formatTemplatePath(path), sample: describeSample(value) })) return;
  collectChildren(path, value, paths);
}

function collectChildren(path: string[], value: unknown, paths: SamplePath[]): void {
  if (path.length > samplePathLimits.maxDepth) return;
  if (typeof value !== "object" || value === null) return;

  const entries: [string, unknown][] = Array.isArray(value)
    ? value.slice(0, 1).map((item): [string, unknown] => ["0", item])
    : Object.entries(value).filter(([key]) => !unreadableKeys.has(key));
  for (const [key, child] of entries) {
    if (paths.length >= samplePathLimits.maxPaths) return;
    collectPath([...path, key], child, paths);
  }
}

/** Adds a path unless the list is full; says whether it did. */
function pushPath(paths: SamplePath[], path: SamplePath): boolean {
  if (paths.length >= samplePathLimits.maxPaths) return false;
  paths.push(path);
  return true;
}
