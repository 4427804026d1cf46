import {
  compilePattern,
  regexLimits,
  unaryOperators,
  type ConditionConfig,
  type ConditionOperator,
  type ConditionRule,
} from "./condition-node-type";
import { parseTemplate } from "./parse-template";
import { resolveTemplatePath } from "./resolve-template-path";
import { renderTemplate, type TemplateContext } from "./templates";

/** How one rule came out, as the step records it: operands as text, shortened. */
export type RuleOutcome = {
  left: string;
  operator: ConditionOperator;
  right: string;
  result: boolean;
};

/** A Condition step's output: `{{steps.<id>.result}}` and the rules behind it. */
export type ConditionOutcome = { result: boolean; rules: RuleOutcome[] };

export type ConditionEvaluation =
  { ok: true; outcome: ConditionOutcome } | { ok: false; error: string };

type Operand = { ok: true; value: unknown } | { ok: false; error: string };

/** Operand text kept in a step's output; the full values are in the earlier steps. */
const MAX_SHOWN_CHARS = 500;

/**
 * Evaluates a Condition's rules against the run so far. An operand that is exactly one
 * template keeps the referenced value's type (so `contains` can look into an array); a path
 * that is missing gives no value, which counts as empty text. Other operands are rendered as
 * text. Numbers compare as numbers only when both sides read as finite numbers.
 *
 * @example
 * evaluateCondition(
 *   { combine: "all", rules: [{ left: "{{trigger.total}}", operator: "greater_than", right: "10" }] },
 *   { trigger: { total: 12 }, steps: {} },
 * ); // { ok: true, outcome: { result: true, rules: [...] } }
 */
export function evaluateCondition(
  config: ConditionConfig,
  context: TemplateContext,
): ConditionEvaluation {
  const rules: RuleOutcome[] = [];
  for (const [index, rule] of config.rules.entries()) {
    const outcome = evaluateRule(rule, context);
    if (!outcome.ok) return { ok: false, error: `Rule ${index + 1}: ${outcome.error}` };
    rules.push(outcome.outcome);
  }
  const results = rules.map((rule) => rule.result);
  const result = config.combine === "all" ? results.every(Boolean) : results.some(Boolean);
  return { ok: true, outcome: { result, rules } };
}

function evaluateRule(
  rule: ConditionRule,
  context: TemplateContext,
): { ok: true; outcome: RuleOutcome } | { ok: false; error: string } {
  const left = readOperand(rule.left, context);
  if (!left.ok) return left;
  const isUnary = unaryOperators.has(rule.operator);
  const right = isUnary ? ({ ok: true, value: "" } as const) : readOperand(rule.right, context);
  if (!right.ok) return right;

  const compared = compare(rule.operator, left.value, right.value);
  if (!compared.ok) return compared;
  return {
    ok: true,
    outcome: {
      left: shorten(textOf(left.value)),
      operator: rule.operator,
      right: isUnary ? "" : shorten(textOf(right.value)),
      result: compared.result,
    },
  };
}

function readOperand(text: string, context: TemplateContext): Operand {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return parsed;

  const [only, ...rest] = parsed.parts;
  if (only?.kind === "path" && rest.length === 0) {
    const resolved = resolveTemplatePath(only, context);
    return { ok: true, value: resolved.ok ? resolved.value : undefined };
  }
  const rendered = renderTemplate(text, context);
  return { ok: true, value: rendered.ok ? rendered.value : undefined };
}

type Comparison = { ok: true; result: boolean } | { ok: false; error: string };

function compare(operator: ConditionOperator, left: unknown, right: unknown): Comparison {
  switch (operator) {
    case "equals":
      return { ok: true, result: textOf(left) === textOf(right) };
    case "not_equals":
      return { ok: true, result: textOf(left) !== textOf(right) };
    case "contains":
      return { ok: true, result: contains(left, textOf(right)) };
    case "greater_than":
    case "less_than":
      return { ok: true, result: compareNumbers(operator, left, right) };
    case "exists":
      return { ok: true, result: left !== undefined && left !== null };
    case "is_empty":
      return { ok: true, result: isEmpty(left) };
    case "matches":
      return matches(textOf(left), textOf(right));
  }
}

function contains(left: unknown, needle: string): boolean {
  if (Array.isArray(left)) return left.some((item) => textOf(item) === needle);
  return textOf(left).includes(needle);
}

function compareNumbers(operator: "greater_than" | "less_than", left: unknown, right: unknown) {
  const a = numberOf(left);
  const b = numberOf(right);
  if (a === undefined || b === undefined) return false;
  return operator === "greater_than" ? a > b : a < b;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

function matches(subject: string, pattern: string): Comparison {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return compiled;
  if (subject.length > regexLimits.maxSubjectChars) {
    const limit = regexLimits.maxSubjectChars.toLocaleString("en");
    return { ok: false, error: `a pattern is only tested on text up to ${limit} characters` };
  }
  return { ok: true, result: compiled.regex.test(subject) };
}

/** Strings as they are, a missing value as "", anything else as JSON (numbers as written). */
function textOf(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

function shorten(text: string): string {
  return text.length <= MAX_SHOWN_CHARS ? text : `${text.slice(0, MAX_SHOWN_CHARS)}…`;
}
