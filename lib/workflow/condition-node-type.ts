import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";
import { findTemplateError } from "./templates";

/** How a rule compares its operands; `exists` and `is_empty` look at the left one only. */
export const conditionOperators = [
  "equals",
  "not_equals",
  "contains",
  "greater_than",
  "less_than",
  "exists",
  "is_empty",
  "matches",
] as const;

export type ConditionOperator = (typeof conditionOperators)[number];

/** Operators that ignore the right operand. */
export const unaryOperators: ReadonlySet<ConditionOperator> = new Set(["exists", "is_empty"]);

/** Words the editor and step records use for each operator. */
export const operatorLabels: Readonly<Record<ConditionOperator, string>> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  greater_than: "is greater than",
  less_than: "is less than",
  exists: "exists",
  is_empty: "is empty",
  matches: "matches the pattern",
};

/**
 * Limits of the `matches` operator. JavaScript's regular expressions can backtrack for a long
 * time on a hostile pattern; short patterns over bounded text keep that cost small, but they
 * do not rule it out.
 */
export const regexLimits = { maxPatternChars: 200, maxSubjectChars: 10_000 } as const;

/** Most rules one Condition combines. */
export const MAX_CONDITION_RULES = 10;

const operandSchema = z.string({ error: "An operand is text" }).max(4096, "An operand is too long");

export const conditionRuleSchema = z.strictObject({
  left: operandSchema,
  operator: z.enum(conditionOperators, { error: "Choose an operator" }),
  right: operandSchema.default(""),
});

export type ConditionRule = z.output<typeof conditionRuleSchema>;

/**
 * Settings of a Condition node: rules whose operands are templates, combined with all (and)
 * or any (or). Checked on the stored config only: operands are rendered when the step runs.
 */
export const conditionConfigSchema = z.strictObject({
  combine: z
    .enum(["all", "any"], { error: "Choose all or any" })
    .meta({
      title: "Combine rules",
      description: "all: true when every rule holds; any: true when at least one does.",
    })
    .default("all"),
  rules: z
    .array(conditionRuleSchema)
    .min(1, "Add at least one rule")
    .max(MAX_CONDITION_RULES, `At most ${MAX_CONDITION_RULES} rules`)
    .superRefine((rules, ctx) => {
      rules.forEach((rule, index) => {
        const problem = findRuleProblem(rule);
        if (problem !== undefined) {
          ctx.addIssue({ code: "custom", message: `Rule ${index + 1}: ${problem}`, path: [index] });
        }
      });
    })
    .meta({
      title: "Rules",
      description:
        "Operands are templates such as {{trigger.body.total}}. A missing value counts as " +
        "empty text, so it does not exist and is empty.",
      supportsTemplates: true,
    }),
});

export type ConditionConfig = z.output<typeof conditionConfigSchema>;

function findRuleProblem(rule: ConditionRule): string | undefined {
  if (rule.left.trim() === "") return "enter the value to test, e.g. {{trigger.body.status}}";
  const templateError = findTemplateError(rule.left) ?? findTemplateError(rule.right);
  if (templateError !== undefined) return templateError;
  if (rule.operator !== "matches") return undefined;
  return findPatternProblem(rule.right);
}

/** Why a pattern cannot be used, or undefined; patterns built from templates are checked later. */
function findPatternProblem(pattern: string): string | undefined {
  if (pattern.includes("{{") && pattern.length <= regexLimits.maxPatternChars) return undefined;
  const compiled = compilePattern(pattern);
  return compiled.ok ? undefined : compiled.error;
}

/** A `matches` pattern as a Unicode regular expression, within the length limit. */
export function compilePattern(
  pattern: string,
): { ok: true; regex: RegExp } | { ok: false; error: string } {
  if (pattern.length > regexLimits.maxPatternChars) {
    const error = `the pattern may be at most ${regexLimits.maxPatternChars} characters long`;
    return { ok: false, error };
  }
  try {
    return { ok: true, regex: new RegExp(pattern, "u") };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the pattern is not a valid regular expression (${reason})` };
  }
}

/** Takes the true or the false branch, by rules on values from the run so far. */
export const conditionNodeType: NodeTypeDefinition<typeof conditionConfigSchema> = {
  type: "condition",
  idPrefix: "if",
  label: "Condition",
  description:
    "Goes on along the true or the false branch by rules on earlier values. Steps only on " +
    "the other branch are skipped.",
  category: "action",
  configSchema: conditionConfigSchema,
  defaultConfig: {
    combine: "all",
    rules: [{ left: "{{trigger.body.status}}", operator: "equals", right: "paid" }],
  },
  secretFields: [],
  outputHandles: [
    { id: "true", label: "true" },
    { id: "false", label: "false" },
  ],
};
