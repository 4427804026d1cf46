import { randomUUID } from "node:crypto";
import { formatStoredSchedule, parseRetrySchedule } from "../../deliveries/parse-retry-schedule";
import { sendWebhookConfigSchema } from "../../workflow/send-webhook-node-type";
import { failedStep, type NodeExecutor } from "./node-executor";
import { renderNodeConfig } from "./render-node-config";

/**
 * Asks for a signed delivery; it does not send anything itself. The delivery and its first
 * job are stored with this step in one transaction, and the delivery engine sends it. The
 * message follows the Standard Webhooks shape `{ type, timestamp, data }`, fixed at creation:
 * every attempt sends the same bytes under the same message id.
 */
export const executeSendWebhook: NodeExecutor = async (node, context) => {
  const rendered = renderNodeConfig(node, context, (value) =>
    sendWebhookConfigSchema.safeParse(value),
  );
  if (!rendered.ok) return failedStep(rendered.error);
  const { config, redacted } = rendered;

  let data: unknown;
  try {
    data = config.payload.trim() === "" ? null : JSON.parse(config.payload);
  } catch {
    return failedStep("payload: the rendered payload is not valid JSON", redacted);
  }

  const delivery = {
    id: randomUUID(),
    messageId: `msg_${randomUUID().replaceAll("-", "")}`,
    eventType: config.eventType,
    endpointUrl: config.url,
    headers: config.headers,
    payload: JSON.stringify({ type: config.eventType, timestamp: new Date().toISOString(), data }),
    timeoutMs: config.timeoutMs,
    retryScheduleMs: storedScheduleOf(config.retrySchedule),
  };
  return {
    ok: true,
    input: redacted,
    output: { deliveryId: delivery.id, messageId: delivery.messageId },
    error: null,
    exchanges: [],
    deliveries: [delivery],
  };
};

/** The node's schedule as the delivery stores it, so later edits leave deliveries in flight be. */
function storedScheduleOf(text: string): string | null {
  const parsed = parseRetrySchedule(text);
  return parsed.ok && parsed.delaysMs.length > 0 ? formatStoredSchedule(parsed.delaysMs) : null;
}
