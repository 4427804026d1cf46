import jsonata from "jsonata";
import {
  describeJsonataError,
  transformConfigSchema,
  transformLimits,
} from "../../workflow/transform-node-type";
import { failedStep, type NodeExecutor } from "./node-executor";

/**
 * Evaluates a Transform's JSONata expression over `{ trigger, steps }`, the names templates
 * use, under JSONata's own guardrails: a time limit, a depth limit and a longest sequence. The
 * value, which must be JSON and at most 1 MiB of it, is the step's output; no value is null.
 *
 * The time limit is checked between evaluation steps, so one built-in call on a huge value
 * (a long `$join`, a regular expression on a long text) can run past it before it is noticed.
 */
export const executeTransform: NodeExecutor = async (node, context) => {
  const parsed = transformConfigSchema.safeParse(node.config);
  if (!parsed.success) return failedStep(parsed.error.issues[0]?.message ?? "Invalid settings");
  const input = parsed.data;

  let value: unknown;
  try {
    const expression = jsonata(input.expression, {
      timeout: transformLimits.timeoutMs,
      stack: transformLimits.maxDepth,
      sequence: transformLimits.maxSequenceLength,
    });
    value = await expression.evaluate({ trigger: context.trigger, steps: context.steps });
  } catch (error) {
    return failedStep(`The expression failed: ${describeJsonataError(error)}`, input);
  }

  // A function (a JSONata lambda) has no JSON form; it is treated as no value.
  const json: string = JSON.stringify(value ?? null) ?? "null";
  if (json.length > transformLimits.maxOutputChars) {
    const size = `${Math.ceil(json.length / 1024).toLocaleString("en")} KiB`;
    return failedStep(`The expression's value is ${size} of JSON; at most 1 MiB is kept`, input);
  }
  const output: unknown = JSON.parse(json);
  return { ok: true, input, output, error: null, exchanges: [], deliveries: [] };
};
