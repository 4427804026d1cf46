import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";

const defaultTestPayload = '{\n  "hello": "world"\n}';

/** Settings of a manual trigger: the JSON a test run starts with. */
export const manualTriggerConfigSchema = z.strictObject({
  testPayload: z
    .string({ error: "The test payload is JSON text" })
    .max(64 * 1024, "The test payload can be at most 64 KiB")
    .refine(isJsonText, 'The test payload must be valid JSON, for example {"hello": "world"}')
    .meta({
      title: "Test payload",
      description: "The JSON a test run starts with, available to later steps as {{trigger.body}}.",
      formKind: "json",
    })
    .default(defaultTestPayload),
});

export type ManualTriggerConfig = z.output<typeof manualTriggerConfigSchema>;

/** Starts a run from the editor, with a payload typed there: how people test a workflow. */
export const manualTriggerNodeType: NodeTypeDefinition<typeof manualTriggerConfigSchema> = {
  type: "manual-trigger",
  idPrefix: "manual",
  label: "Manual trigger",
  description: "Starts a test run from the editor with the payload you type here.",
  category: "trigger",
  configSchema: manualTriggerConfigSchema,
  defaultConfig: { testPayload: defaultTestPayload },
  secretFields: [],
};

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
