import { z } from "zod";
import type { FieldSpec } from "@/lib/workflow/config-fields";
import { getNodeType } from "@/lib/workflow/node-types";

/**
 * Whether a setting shows, given the node's current config. A condition reads the other
 * setting as the node would run with it, its default included, so a field that depends on a
 * setting nobody has touched yet shows or hides as that default says.
 *
 * @example
 * isFieldVisible("webhook-trigger", hmacHeaderSpec, { verification: "github" }); // false
 */
export function isFieldVisible(
  nodeType: string,
  field: FieldSpec,
  config: Record<string, unknown>,
): boolean {
  const condition = field.visibleWhen;
  if (condition === undefined) return true;
  const value = readEffectiveValue(nodeType, condition.field, config);
  return typeof value === "string" && condition.oneOf.includes(value);
}

/** A setting's value with the type's default for an absent one; as stored when it is invalid. */
function readEffectiveValue(
  nodeType: string,
  name: string,
  config: Record<string, unknown>,
): unknown {
  const schema = getNodeType(nodeType)?.configSchema;
  if (!(schema instanceof z.ZodObject)) return config[name];
  const fieldSchema = (schema.shape as Record<string, z.ZodType | undefined>)[name];
  const parsed = fieldSchema?.safeParse(config[name]);
  return parsed?.success ? parsed.data : config[name];
}
