import { delayConfigSchema, delayMsOf } from "../../workflow/delay-node-type";
import { failedStep, type NodeExecutor } from "./node-executor";

/**
 * Starts a Delay's wait: the step's output says until when, and the run executor records the
 * step as waiting and schedules the run's job for that time (see `executeRun`). Nothing
 * sleeps here.
 */
export const executeDelay: NodeExecutor = async (node, _context, env) => {
  const parsed = delayConfigSchema.safeParse(node.config);
  if (!parsed.success) return failedStep(parsed.error.issues[0]?.message ?? "Invalid settings");

  const now = env.now?.() ?? new Date();
  const waitUntil = new Date(now.getTime() + delayMsOf(parsed.data));
  return {
    ok: true,
    input: parsed.data,
    output: { waitUntil: waitUntil.toISOString() },
    error: null,
    exchanges: [],
    deliveries: [],
    waitUntil,
  };
};
