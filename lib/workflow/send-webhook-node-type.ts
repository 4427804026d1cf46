import { z } from "zod";
import { parseRetrySchedule } from "../deliveries/parse-retry-schedule";
import { headerMapSchema, timeoutMsSchema, urlFieldSchema } from "./config-field-schemas";
import type { NodeTypeDefinition } from "./node-type";

/** Standard Webhooks signing secrets: "whsec_" and the base64 of the key. */
export const signingSecretPattern = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

const defaultPayload = '{\n  "data": "{{trigger.body}}"\n}';

/**
 * Settings of a send-webhook node. Like every config schema it also holds for the rendered
 * config, which the engine parses again before it creates the delivery.
 */
export const sendWebhookConfigSchema = z.strictObject({
  url: urlFieldSchema().meta({
    title: "Endpoint URL",
    description: "The receiver's webhook endpoint.",
    placeholder: "https://example.com/webhooks",
    supportsTemplates: true,
  }),
  eventType: z
    .string({ error: "Enter an event type" })
    .trim()
    .min(1, "Enter an event type such as order.created")
    .meta({
      title: "Event type",
      description: 'Sent as the message\'s "type", so the receiver can route it.',
      placeholder: "order.created",
      supportsTemplates: true,
    })
    .default("workflow.event"),
  payload: z
    .string({ error: "The payload is text" })
    .meta({
      title: "Payload",
      description:
        'The message\'s "data". A value that is exactly one template, such as ' +
        '"{{trigger.body}}", takes the referenced value with its JSON type.',
      formKind: "json",
      supportsTemplates: true,
    })
    .default(defaultPayload),
  headers: headerMapSchema([{ prefix: "webhook-", setBy: "webhook signing" }])
    .meta({
      title: "Headers",
      description: "Extra headers for every attempt. The webhook-* headers are set by signing.",
      supportsTemplates: true,
    })
    .default({}),
  secret: z
    .string({ error: "Generate a signing secret" })
    .min(1, { error: "Generate a signing secret", abort: true })
    .regex(signingSecretPattern, "Signing secrets look like whsec_ followed by base64")
    .meta({
      title: "Signing secret",
      description: "Signs every message (Standard Webhooks); share it with the receiver.",
    }),
  timeoutMs: timeoutMsSchema()
    .meta({
      title: "Timeout (ms)",
      description: "How long each attempt waits for the receiver before it counts as failed.",
    })
    .default(15_000),
  retrySchedule: z
    .string({ error: "The retry schedule is text" })
    .trim()
    .superRefine((text, ctx) => {
      const parsed = parseRetrySchedule(text);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    })
    .meta({
      title: "Retry schedule",
      description:
        "Delays between attempts, comma-separated. Empty uses the installation's schedule. " +
        "Fixed for each delivery when it is created.",
      placeholder: "5s, 5m, 30m, 2h",
    })
    .default(""),
});

export type SendWebhookConfig = z.output<typeof sendWebhookConfigSchema>;

/** Sends a signed webhook message, retried with backoff until the receiver accepts it. */
export const sendWebhookNodeType: NodeTypeDefinition<typeof sendWebhookConfigSchema> = {
  type: "send-webhook",
  idPrefix: "send",
  label: "Send webhook",
  description:
    "Delivers a signed webhook message and retries it with backoff until the receiver accepts it.",
  category: "action",
  configSchema: sendWebhookConfigSchema,
  // The secret starts empty, which is invalid until the editor's Generate button fills it.
  defaultConfig: {
    url: "",
    eventType: "workflow.event",
    payload: defaultPayload,
    headers: {},
    secret: "",
    timeoutMs: 15_000,
    retrySchedule: "",
  },
  secretFields: ["secret"],
};
