import { parseTemplate, quoteTemplate, type TemplatePart } from "./parse-template";
import { resolveTemplatePath } from "./resolve-template-path";
import type { TemplateSamples, TriggerSampleSource } from "./template-samples";
import {
  findTemplateError,
  listTemplatePaths,
  renderJsonTemplate,
  renderTemplate,
  type TemplateContext,
  type TemplateFormat,
} from "./templates";

/**
 * A problem with one template. An `error` makes every run fail at this step; a `warning` says
 * the sample data lacks something that may still be there at run time.
 */
export type TemplateProblem = { severity: "error" | "warning"; message: string };

/**
 * What a template-bearing text gives with the sample data:
 * - `plain`: the text holds no template, so it is sent as written;
 * - `invalid`: it cannot be parsed, whatever the data;
 * - `checked`: its paths were checked; `value` is what a run with the sample data would
 *   produce, absent while a problem or missing data keeps it from being known, and `note`
 *   says what data is missing.
 */
export type TemplatePreview =
  | { kind: "plain" }
  | { kind: "invalid"; error: string }
  | { kind: "checked"; value?: string; problems: TemplateProblem[]; note?: string };

type PathPart = Extract<TemplatePart, { kind: "path" }>;
type PathCheck = { problem?: TemplateProblem; missingSample?: string };

/**
 * Checks text against the samples and renders it with the project's own renderer, the same
 * one runs use, so the preview is what a run with that data would produce.
 *
 * @example
 * previewTemplate("Order {{trigger.body.id}}", "text", samples);
 * // { kind: "checked", value: "Order A-1", problems: [] }
 */
export function previewTemplate(
  text: string,
  format: TemplateFormat,
  samples: TemplateSamples,
): TemplatePreview {
  const error = findTemplateError(text, format);
  if (error !== undefined) return { kind: "invalid", error };
  const paths = listTemplatePaths(text, format);
  if (paths.length === 0) return { kind: "plain" };

  const problems: TemplateProblem[] = [];
  const missingSamples = new Set<string>();
  for (const part of paths.map(toPathPart)) {
    const check = checkPath(part, samples);
    if (check.problem) problems.push(check.problem);
    if (check.missingSample) missingSamples.add(check.missingSample);
  }
  const note = missingSamples.size > 0 ? [...missingSamples].join(" ") : undefined;
  if (problems.length > 0 || note !== undefined) {
    return { kind: "checked", problems, ...(note ? { note } : {}) };
  }

  const rendered = render(text, format, toContext(samples));
  if (!rendered.ok) {
    return { kind: "checked", problems: [{ severity: "error", message: rendered.error }] };
  }
  return { kind: "checked", value: rendered.value, problems };
}

function checkPath(part: PathPart, samples: TemplateSamples): PathCheck {
  const [root, stepId] = part.path;
  if (root === "trigger") {
    if (!samples.trigger) return { missingSample: noTriggerSample };
    return checkInSample(part, samples, triggerSampleNames[samples.trigger.source]);
  }
  if (stepId === undefined) return samples.hasRun ? {} : { missingSample: noRunSample };

  if (!samples.earlierStepIds.includes(stepId)) {
    const message = `${quoteTemplate(part.source)}: there is no step ${stepId} before this one, so a run fails here`;
    return { problem: { severity: "error", message } };
  }
  if (!samples.hasRun) return { missingSample: noRunSample };
  if (!Object.hasOwn(samples.stepOutputs, stepId)) {
    const message = `${quoteTemplate(part.source)}: step ${stepId} has no output in the last run`;
    return { problem: { severity: "warning", message } };
  }
  return checkInSample(part, samples, `step ${stepId}'s output in the last run`);
}

function checkInSample(part: PathPart, samples: TemplateSamples, where: string): PathCheck {
  const resolved = resolveTemplatePath(part, toContext(samples));
  if (resolved.ok) return {};

  const prefix = `${quoteTemplate(part.source)}: `;
  const detail = resolved.error.startsWith(prefix) ? resolved.error.slice(prefix.length) : "";
  const message = `${quoteTemplate(part.source)} is not in ${where}${detail ? ` (${detail})` : ""}; it may still be there at run time`;
  return { problem: { severity: "warning", message } };
}

const triggerSampleNames: Record<TriggerSampleSource, string> = {
  "captured event": "the last captured event",
  "last run": "the last run's trigger data",
};

const noTriggerSample = "Capture a test event or run the workflow to preview the trigger's data.";
const noRunSample = "Run the workflow once to preview the outputs of earlier steps.";

/** The canonical path text parses back to exactly one path part. */
function toPathPart(path: string): PathPart {
  const parsed = parseTemplate(`{{${path}}}`);
  const part = parsed.ok ? parsed.parts[0] : undefined;
  if (part?.kind !== "path") throw new Error(`A listed template path does not parse: ${path}`);
  return part;
}

function toContext(samples: TemplateSamples): TemplateContext {
  return { trigger: samples.trigger?.data, steps: { ...samples.stepOutputs } };
}

function render(text: string, format: TemplateFormat, ctx: TemplateContext) {
  return format === "json" ? renderJsonTemplate(text, ctx) : renderTemplate(text, ctx);
}
