import type { FieldSpec } from "./config-fields";
import { isRecord } from "./is-record";
import {
  formatTemplatePath,
  parseTemplate,
  quoteTemplate,
  templateLimits,
  type ParsedTemplate,
  type TemplatePart,
} from "./parse-template";
import { resolveTemplatePath } from "./resolve-template-path";

/** What templates can read: the event that started the run and the outputs of earlier steps. */
export type TemplateContext = { trigger: unknown; steps: Record<string, unknown> };

export type RenderResult = { ok: true; value: string } | { ok: false; error: string };

/** How a text is read: as plain text, or JSON-aware as `renderJsonTemplate` does. */
export type TemplateFormat = "text" | "json";

export type RenderedConfig =
  { ok: true; config: Record<string, unknown> } | { ok: false; field: string; error: string };

type ValueResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses one string of a document while counting its templates against the document's limit. */
type BudgetedParse = (text: string) => ParsedTemplate;

/**
 * Replaces each `{{ path }}` in text with the value it names. Strings are inserted as they are,
 * numbers and booleans as `String` writes them, null as "null", objects and arrays as JSON.
 * Paths are looked up, never evaluated.
 *
 * @example
 * renderTemplate("Order {{trigger.body.id}}", { trigger: { body: { id: 7 } }, steps: {} });
 * // { ok: true, value: "Order 7" }
 */
export function renderTemplate(text: string, ctx: TemplateContext): RenderResult {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return parsed;
  return renderParts(parsed.parts, ctx);
}

/**
 * Renders text that is usually JSON, keeping the types of referenced values. When the text
 * parses as JSON, every string in it is rendered: a value that is exactly one template, such as
 * `"{{trigger.body}}"`, becomes the referenced value itself (object, number, ...); other strings,
 * keys included, are rendered as text. The result is serialized compactly. Text without
 * templates is returned as written, text that is not JSON is rendered with `renderTemplate`,
 * and empty text renders to "".
 *
 * @example
 * renderJsonTemplate('{"order": "{{trigger.body}}"}', { trigger: { body: { id: 7 } }, steps: {} });
 * // { ok: true, value: '{"order":{"id":7}}' }
 */
export function renderJsonTemplate(text: string, ctx: TemplateContext): RenderResult {
  if (text.trim() === "") return { ok: true, value: "" };
  // Over-long text is refused by renderTemplate before any JSON parsing is spent on it.
  const document = text.length > templateLimits.maxTextChars ? undefined : parseJson(text);
  if (!document?.ok) return renderTemplate(text, ctx);
  if (!text.includes("{{")) return { ok: true, value: text };

  const parse = createBudgetedParse();
  const rendered = mapJsonStrings(document.value, 0, {
    mapKey: (key) => renderParsed(parse(key), ctx),
    mapValue: (value) => renderJsonString(parse(value), ctx),
  });
  if (!rendered.ok) return rendered;

  const serialized = stringifyJson(rendered.value);
  if (serialized === undefined) {
    return { ok: false, error: "A referenced value cannot be written as JSON" };
  }
  return checkRenderedLength(serialized);
}

/**
 * Renders the template-bearing settings of a config, as described by the node type's fields:
 * `json` settings with `renderJsonTemplate`, other text with `renderTemplate`, and the values
 * (not the names) of `keyValue` maps as text. Other settings are copied as they are.
 *
 * Parse the result with the node type's config schema again before using it: values that came
 * from data are only held to the schema's rules there.
 */
export function renderConfigTemplates(
  config: Readonly<Record<string, unknown>>,
  fields: readonly FieldSpec[],
  ctx: TemplateContext,
): RenderedConfig {
  const rendered: Record<string, unknown> = { ...config };
  for (const field of fields) {
    if (!field.supportsTemplates) continue;

    const result = renderFieldValue(config[field.name], field.kind, ctx);
    if (!result.ok) return { ok: false, field: field.name, error: result.error };
    rendered[field.name] = result.value;
  }
  return { ok: true, config: rendered };
}

/**
 * The paths referenced by well-formed text, in first-use order without repeats, written the
 * canonical way (`trigger.body.items[0]`). Text that does not parse references nothing; use
 * `findTemplateError` to say why.
 */
export function listTemplatePaths(text: string, format: TemplateFormat = "text"): string[] {
  const paths = new Set<string>();
  const parsed = collectParts(text, format);
  for (const part of parsed.ok ? parsed.parts : []) {
    if (part.kind === "path") paths.add(formatTemplatePath(part.path));
  }
  return [...paths];
}

/**
 * Why text cannot be rendered whatever the context holds, or undefined when it can be. Checks
 * syntax and limits only: whether a path exists is known when the step runs.
 */
export function findTemplateError(
  text: string,
  format: TemplateFormat = "text",
): string | undefined {
  const parsed = collectParts(text, format);
  return parsed.ok ? undefined : parsed.error;
}

function renderFieldValue(
  value: unknown,
  kind: FieldSpec["kind"],
  ctx: TemplateContext,
): ValueResult {
  if (kind === "keyValue" && isRecord(value)) return renderMapValues(value, ctx);
  if (typeof value !== "string") return { ok: true, value };
  return kind === "json" ? renderJsonTemplate(value, ctx) : renderTemplate(value, ctx);
}

function renderMapValues(map: Record<string, unknown>, ctx: TemplateContext): ValueResult {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== "string") {
      entries.push([key, value]);
      continue;
    }
    const rendered = renderTemplate(value, ctx);
    if (!rendered.ok) return { ok: false, error: `${key}: ${rendered.error}` };
    entries.push([key, rendered.value]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return { ok: true, value: Object.fromEntries(entries) };
}

/** All parts of a text, or of every string in a JSON text, checked against the limits. */
function collectParts(text: string, format: TemplateFormat): ParsedTemplate {
  if (format === "text" || text.length > templateLimits.maxTextChars) return parseTemplate(text);
  const document = parseJson(text);
  if (!document.ok) return parseTemplate(text);

  const parts: TemplatePart[] = [];
  const parse = createBudgetedParse();
  const collect = (value: string): ValueResult => {
    const parsed = parse(value);
    if (parsed.ok) parts.push(...parsed.parts);
    return parsed.ok ? { ok: true, value } : parsed;
  };
  const walked = mapJsonStrings(document.value, 0, { mapKey: collect, mapValue: collect });
  return walked.ok ? { ok: true, parts } : walked;
}

function renderParts(parts: readonly TemplatePart[], ctx: TemplateContext): RenderResult {
  const chunks: string[] = [];
  for (const part of parts) {
    if (part.kind === "text") {
      chunks.push(part.text);
      continue;
    }
    const resolved = resolveTemplatePath(part, ctx);
    if (!resolved.ok) return resolved;

    const text = formatAsText(resolved.value);
    if (text === undefined) {
      return {
        ok: false,
        error: `${quoteTemplate(part.source)}: the value cannot be written as text`,
      };
    }
    chunks.push(text);
  }
  return checkRenderedLength(chunks.join(""));
}

function renderParsed(parsed: ParsedTemplate, ctx: TemplateContext): RenderResult {
  return parsed.ok ? renderParts(parsed.parts, ctx) : parsed;
}

/** A string that is exactly one template takes the raw value; undefined becomes JSON null. */
function renderJsonString(parsed: ParsedTemplate, ctx: TemplateContext): ValueResult {
  if (!parsed.ok) return parsed;

  const [only, ...rest] = parsed.parts;
  if (only?.kind !== "path" || rest.length > 0) return renderParts(parsed.parts, ctx);
  const resolved = resolveTemplatePath(only, ctx);
  return resolved.ok ? { ok: true, value: resolved.value ?? null } : resolved;
}

/**
 * Rebuilds a parsed JSON value with every key and string mapped. Depth is capped so a hostile
 * document cannot exhaust the stack.
 */
function mapJsonStrings(
  value: unknown,
  depth: number,
  mappers: { mapKey: (key: string) => ValueResult; mapValue: (text: string) => ValueResult },
): ValueResult {
  if (depth > templateLimits.maxJsonDepth) {
    return { ok: false, error: `JSON nested deeper than ${templateLimits.maxJsonDepth} levels` };
  }
  if (typeof value === "string") return mappers.mapValue(value);

  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const mapped = mapJsonStrings(item, depth + 1, mappers);
      if (!mapped.ok) return mapped;
      items.push(mapped.value);
    }
    return { ok: true, value: items };
  }

  if (!isRecord(value)) return { ok: true, value };
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const mappedKey = mappers.mapKey(key);
    if (!mappedKey.ok) return mappedKey;
    const mapped = mapJsonStrings(item, depth + 1, mappers);
    if (!mapped.ok) return mapped;
    entries.push([String(mappedKey.value), mapped.value]);
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

/** The template limit applies to a JSON document as a whole, not to each of its strings. */
function createBudgetedParse(): BudgetedParse {
  let templatesLeft: number = templateLimits.maxTemplates;
  return (text) => {
    const parsed = parseTemplate(text, templatesLeft);
    if (parsed.ok) templatesLeft -= parsed.parts.filter((part) => part.kind === "path").length;
    return parsed;
  };
}

/**
 * Undefined for values that have no text form: functions, symbols, cyclic objects. A property
 * that holds undefined renders as nothing, as it would be absent from JSON.
 */
function formatAsText(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "";
    case "object":
      return value === null ? "null" : stringifyJson(value);
    default:
      return undefined;
  }
}

function stringifyJson(value: unknown): string | undefined {
  try {
    const text: string | undefined = JSON.stringify(value);
    return text;
  } catch {
    return undefined;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function checkRenderedLength(text: string): RenderResult {
  if (text.length <= templateLimits.maxRenderedChars) return { ok: true, value: text };
  const limitMib = templateLimits.maxRenderedChars / (1024 * 1024);
  return { ok: false, error: `The rendered text would be longer than ${limitMib} MiB` };
}
