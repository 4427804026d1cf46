import { executeCondition } from "./execute-condition";
import { executeDelay } from "./execute-delay";
import { executeHttpRequest } from "./execute-http-request";
import { executeRespond } from "./execute-respond";
import { executeSendWebhook } from "./execute-send-webhook";
import { executeTransform } from "./execute-transform";
import type { NodeExecutor } from "./node-executor";

/**
 * How each action node type executes, keyed like the registry in `lib/workflow/node-types`.
 * Triggers have no executor: their output is the event that started the run.
 */
export const executors: Readonly<Record<string, NodeExecutor>> = {
  "http-request": executeHttpRequest,
  "send-webhook": executeSendWebhook,
  respond: executeRespond,
  condition: executeCondition,
  transform: executeTransform,
  delay: executeDelay,
};
