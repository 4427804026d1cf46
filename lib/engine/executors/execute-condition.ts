import { conditionConfigSchema } from "../../workflow/condition-node-type";
import { evaluateCondition } from "../../workflow/evaluate-condition";
import { failedStep, type NodeExecutor } from "./node-executor";

/**
 * Evaluates a Condition's rules against the run so far (see `evaluateCondition`). The output,
 * `{ result, rules }`, decides which of the node's edges carry the run on.
 */
export const executeCondition: NodeExecutor = async (node, context) => {
  const parsed = conditionConfigSchema.safeParse(node.config);
  if (!parsed.success) return failedStep(parsed.error.issues[0]?.message ?? "Invalid settings");

  const input = parsed.data;
  const evaluation = evaluateCondition(parsed.data, context);
  if (!evaluation.ok) return failedStep(evaluation.error, input);
  return {
    ok: true,
    input,
    output: evaluation.outcome,
    error: null,
    exchanges: [],
    deliveries: [],
  };
};
