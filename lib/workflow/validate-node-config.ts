import type { z } from "zod";
import { describeConfigFields, type FieldSpec } from "./config-fields";
import { isRecord } from "./is-record";
import type { NodeTypeDefinition } from "./node-type";
import { getNodeType } from "./node-types";
import { findTemplateError, type TemplateFormat } from "./templates";

/**
 * One problem with a node's config. `field` is the top-level setting it concerns ("type" for an
 * unknown node type, "" for the config as a whole); the message names any key inside it.
 */
export type NodeConfigIssue = { field: string; message: string };

export type NodeConfigValidation<Config> =
  { ok: true; config: Config } | { ok: false; issues: NodeConfigIssue[] };

type TemplateText = { field: string; prefix: string; text: string; format: TemplateFormat };

/**
 * Checks a node's config against its type's schema and the template syntax of every setting
 * that supports templates. On success the config comes back parsed, defaults filled in.
 * Pass the definition instead of the type name to get the config typed.
 *
 * @example
 * validateNodeConfig("http-request", { url: "" });
 * // { ok: false, issues: [{ field: "url", message: "Enter a URL" }] }
 */
export function validateNodeConfig<Schema extends z.ZodType>(
  definition: NodeTypeDefinition<Schema>,
  config: unknown,
): NodeConfigValidation<z.output<Schema>>;
export function validateNodeConfig(type: string, config: unknown): NodeConfigValidation<unknown>;
export function validateNodeConfig(
  type: string | NodeTypeDefinition,
  config: unknown,
): NodeConfigValidation<unknown> {
  if (typeof type !== "string") return validateWith(type, config);

  const definition = getNodeType(type);
  if (definition === undefined) {
    return { ok: false, issues: [{ field: "type", message: `Unknown node type "${type}"` }] };
  }
  return validateWith(definition, config);
}

function validateWith(
  definition: NodeTypeDefinition,
  config: unknown,
): NodeConfigValidation<unknown> {
  const parsed = definition.configSchema.safeParse(config);
  const issues = [
    ...(parsed.success ? [] : describeZodIssues(parsed.error.issues)),
    ...findTemplateIssues(describeConfigFields(definition), config),
  ];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, config: parsed.data };
}

function describeZodIssues(issues: readonly z.core.$ZodIssue[]): NodeConfigIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: key,
        message: `"${key}" is not a setting of this node type`,
      }));
    }
    const [field] = issue.path;
    return [{ field: typeof field === "string" ? field : "", message: issue.message }];
  });
}

/** Syntax is checked on the raw config, so it is reported alongside any schema issue. */
function findTemplateIssues(fields: readonly FieldSpec[], config: unknown): NodeConfigIssue[] {
  if (!isRecord(config)) return [];

  return fields
    .filter((field) => field.supportsTemplates)
    .flatMap((field) => templateTextsOf(config[field.name], field))
    .flatMap(({ field, prefix, text, format }) => {
      const error = findTemplateError(text, format);
      return error === undefined ? [] : [{ field, message: `${prefix}${error}` }];
    });
}

function templateTextsOf(value: unknown, field: FieldSpec): TemplateText[] {
  const format: TemplateFormat = field.kind === "json" ? "json" : "text";
  if (typeof value === "string") return [{ field: field.name, prefix: "", text: value, format }];
  if (field.kind !== "keyValue" || !isRecord(value)) return [];

  return Object.entries(value).flatMap(([key, text]) =>
    typeof text === "string" ? [{ field: field.name, prefix: `${key}: `, text, format }] : [],
  );
}
