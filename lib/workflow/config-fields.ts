import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";
import { getNodeType } from "./node-types";

declare module "zod" {
  /** Form hints that config schemas put in `.meta()` next to `title` and `description`. */
  interface GlobalMeta {
    /** How a text setting is edited; plain one-line text when absent. */
    formKind?: "textarea" | "json" | "code";
    /** Whether the setting's text (or, for maps, each value) may hold `{{ path }}` templates. */
    supportsTemplates?: boolean;
    placeholder?: string;
    /** Shows the setting only while another setting of the node holds one of these values. */
    visibleWhen?: FieldCondition;
  }
}

/** A condition on another setting of the same node, e.g. verification is "hmac". */
export type FieldCondition = { readonly field: string; readonly oneOf: readonly string[] };

export type FieldKind =
  "text" | "textarea" | "json" | "code" | "number" | "select" | "keyValue" | "secret" | "rules";

/**
 * One setting of a node type, as the editor's form needs it. The inspector renders forms from
 * these alone, so a new node type needs no form code.
 */
export type FieldSpec = {
  /** Key in the node's config. */
  name: string;
  label: string;
  description?: string;
  /** True when the setting has no default, so the config is invalid until it is filled in. */
  required: boolean;
  /**
   * `json` is text that is usually JSON and renders JSON-aware (see `renderJsonTemplate`); it
   * only has to parse where the schema says so. `keyValue` is a map of text to text. `rules`
   * is a Condition's list of `{ left, operator, right }`. `code` is an expression in another
   * language (a Transform's JSONata), shown in a monospaced editor and never rendered.
   */
  kind: FieldKind;
  /** The choices of a `select`. */
  options?: readonly string[];
  /** Bounds of a `number`. */
  min?: number;
  max?: number;
  supportsTemplates: boolean;
  placeholder?: string;
  /** Absent when the setting always shows. */
  visibleWhen?: FieldCondition;
};

type FieldMeta = z.GlobalMeta;

/**
 * Describes the settings of a node type, in the order its config schema declares them. Derived
 * from the schema and its `.meta()`, so the form, the validator and the engine cannot disagree.
 * An unknown type has no settings.
 *
 * @throws Error when a schema uses a field shape the form cannot show, which is a registry bug.
 * @example
 * describeConfigFields("http-request").map((field) => field.name);
 * // ["method", "url", "headers", "query", "body", "timeoutMs", "retries", "retryBackoffMs"]
 */
export function describeConfigFields(type: string | NodeTypeDefinition): FieldSpec[] {
  const definition = typeof type === "string" ? getNodeType(type) : type;
  if (definition === undefined) return [];

  const schema = definition.configSchema;
  if (!(schema instanceof z.ZodObject)) {
    throw new Error(`The config schema of node type "${definition.type}" is not an object`);
  }
  // The definition's shape is typed loosely; the def's shape maps names to schemas.
  const shape: z.core.$ZodShape = schema._zod.def.shape;
  return Object.entries(shape).map(([name, field]) =>
    describeField(name, field, definition.secretFields),
  );
}

function describeField(
  name: string,
  schema: z.core.$ZodType,
  secretFields: readonly string[],
): FieldSpec {
  const { inner, meta, hasFallback } = unwrapField(schema);
  const spec: FieldSpec = {
    name,
    label: meta.title ?? name,
    description: meta.description,
    required: !hasFallback,
    kind: "text",
    supportsTemplates: meta.supportsTemplates ?? false,
    placeholder: meta.placeholder,
    ...(meta.visibleWhen ? { visibleWhen: meta.visibleWhen } : {}),
  };

  if (inner instanceof z.ZodEnum) {
    return { ...spec, kind: "select", options: inner.options.map(String) };
  }
  if (inner instanceof z.ZodNumber) {
    return {
      ...spec,
      kind: "number",
      min: inner.minValue ?? undefined,
      max: inner.maxValue ?? undefined,
    };
  }
  if (inner instanceof z.ZodRecord) return { ...spec, kind: "keyValue" };
  if (inner instanceof z.ZodArray) return { ...spec, kind: "rules" };
  if (inner instanceof z.ZodString) {
    const isSecret = secretFields.includes(name);
    return { ...spec, kind: isSecret ? "secret" : (meta.formKind ?? "text") };
  }
  throw new Error(`Config field "${name}" has a schema the form cannot show`);
}

type UnwrappedField = { inner: z.core.$ZodType; meta: FieldMeta; hasFallback: boolean };

/**
 * Looks through defaults and optionals to the value schema. Metadata may sit on any layer; the
 * outermost wins, as it does in `z.toJSONSchema`.
 */
function unwrapField(schema: z.core.$ZodType): UnwrappedField {
  let inner = schema;
  let meta: FieldMeta = { ...z.globalRegistry.get(schema) };
  let hasFallback = false;
  while (
    inner instanceof z.ZodDefault ||
    inner instanceof z.ZodOptional ||
    inner instanceof z.ZodPrefault
  ) {
    hasFallback = true;
    inner = inner.unwrap();
    meta = { ...z.globalRegistry.get(inner), ...meta };
  }
  return { inner, meta, hasFallback };
}
