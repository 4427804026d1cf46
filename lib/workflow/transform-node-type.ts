import jsonata from "jsonata";
import { z } from "zod";
import { isRecord } from "./is-record";
import type { NodeTypeDefinition } from "./node-type";

/** Limits a Transform's evaluation runs under; see `evaluateTransform`. */
export const transformLimits = {
  maxExpressionChars: 16 * 1024,
  /** Wall time of one evaluation, checked each time JSONata enters an expression node. */
  timeoutMs: 1000,
  /** Deepest nesting of evaluation, which bounds recursion. */
  maxDepth: 300,
  /** Longest sequence (array) the expression may build. */
  maxSequenceLength: 100_000,
  /** Largest output, as JSON, in UTF-16 code units (1 MiB). */
  maxOutputChars: 1024 * 1024,
} as const;

/**
 * Why a JSONata expression does not compile, with the character position JSONata reports,
 * or undefined when it compiles.
 *
 * @example
 * findExpressionError("trigger.body.(items"); // 'At character 19: Expected ")" before end of expression'
 */
export function findExpressionError(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    return describeJsonataError(error);
  }
}

/** A JSONata error (a plain object with `message` and maybe `position`) as one sentence. */
export function describeJsonataError(error: unknown): string {
  if (!isRecord(error)) return String(error);
  const message = typeof error["message"] === "string" ? error["message"] : "Invalid expression";
  const position = error["position"];
  return typeof position === "number" ? `At character ${position}: ${message}` : message;
}

/** Settings of a Transform node: one JSONata expression over the run so far. */
export const transformConfigSchema = z.strictObject({
  expression: z
    .string({ error: "The expression is text" })
    .trim()
    .min(1, { error: "Enter a JSONata expression", abort: true })
    .max(transformLimits.maxExpressionChars, "The expression can be at most 16 KiB long")
    .superRefine((expression, ctx) => {
      const error = findExpressionError(expression);
      if (error !== undefined) ctx.addIssue({ code: "custom", message: error });
    })
    .meta({
      title: "Expression",
      description:
        "A JSONata expression over the run so far: trigger for the event, steps.<id> for " +
        "earlier steps' outputs. Its value is this step's output. It may run for at most 1 s " +
        "and give at most 1 MiB of JSON.",
      placeholder: '{ "order": trigger.body.id, "total": $sum(trigger.body.items.price) }',
      formKind: "code",
    }),
});

export type TransformConfig = z.output<typeof transformConfigSchema>;

/** Reshapes data with JSONata; the expression's value is the step's output. */
export const transformNodeType: NodeTypeDefinition<typeof transformConfigSchema> = {
  type: "transform",
  idPrefix: "transform",
  label: "Transform",
  description:
    "Reshapes data with a JSONata expression. Its value is available to later steps as " +
    "{{steps.<id>}}.",
  category: "action",
  configSchema: transformConfigSchema,
  defaultConfig: { expression: '{\n  "id": trigger.body.id\n}' },
  secretFields: [],
};
