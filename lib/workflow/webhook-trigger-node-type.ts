import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";

/** The webhook trigger has no settings: the inbound URL belongs to the workflow, not the node. */
export const webhookTriggerConfigSchema = z.strictObject({});

export type WebhookTriggerConfig = z.output<typeof webhookTriggerConfigSchema>;

/** Starts a run for every request that reaches the workflow's inbound URL. */
export const webhookTriggerNodeType: NodeTypeDefinition<typeof webhookTriggerConfigSchema> = {
  type: "webhook-trigger",
  idPrefix: "webhook",
  label: "Webhook trigger",
  description:
    "Starts a run when a request arrives at the workflow's inbound URL (/hooks/<token>). " +
    "Later steps read the request's body as {{trigger.body}}.",
  category: "trigger",
  configSchema: webhookTriggerConfigSchema,
  defaultConfig: {},
  secretFields: [],
};
