import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";

/** The units a Delay is set in, with their length in milliseconds. */
export const delayUnitsMs = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
} as const;

export type DelayUnit = keyof typeof delayUnitsMs;

/** The longest wait a Delay may ask for: 30 days. */
export const MAX_DELAY_MS = 30 * delayUnitsMs.days;

/** Settings of a Delay node: how long the run waits before the nodes after it. */
export const delayConfigSchema = z
  .strictObject({
    amount: z
      .number({ error: "Enter how long to wait" })
      .int("Enter a whole number")
      .min(1, "Wait at least 1")
      .meta({ title: "Wait for", description: "How many units to wait, up to 30 days in all." })
      .default(5),
    unit: z
      .enum(["seconds", "minutes", "hours", "days"], {
        error: "Choose seconds, minutes, hours or days",
      })
      .meta({ title: "Unit" })
      .default("minutes"),
  })
  .superRefine((config, ctx) => {
    if (delayMsOf(config) > MAX_DELAY_MS) {
      ctx.addIssue({ code: "custom", message: "A delay can be at most 30 days", path: ["amount"] });
    }
  });

export type DelayConfig = z.output<typeof delayConfigSchema>;

/** The length of a Delay's wait in milliseconds. */
export function delayMsOf(config: { amount: number; unit: DelayUnit }): number {
  return config.amount * delayUnitsMs[config.unit];
}

/**
 * Waits before the nodes after it, durably: the run's job is scheduled again for when the
 * wait ends and no worker is held meanwhile, so the wait outlasts restarts.
 */
export const delayNodeType: NodeTypeDefinition<typeof delayConfigSchema> = {
  type: "delay",
  idPrefix: "delay",
  label: "Delay",
  description:
    "Waits from a second to 30 days before the next steps. No worker is held while it " +
    "waits, and the wait outlasts restarts.",
  category: "action",
  configSchema: delayConfigSchema,
  defaultConfig: { amount: 5, unit: "minutes" },
  secretFields: [],
};
