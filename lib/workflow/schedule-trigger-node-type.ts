import { z } from "zod";
import type { NodeTypeDefinition } from "./node-type";
import { checkSchedule } from "./schedule-times";

/**
 * Settings of a Schedule trigger: a five-field cron expression read in an IANA time zone.
 * The published version's schedule is what fires; see `fireDueSchedules`.
 */
export const scheduleTriggerConfigSchema = z
  .strictObject({
    cron: z
      .string({ error: "Enter a cron expression" })
      .trim()
      .min(1, "Enter a cron expression")
      .max(200, "The cron expression can be at most 200 characters long")
      .meta({
        title: "Cron expression",
        description:
          "Five fields: minute, hour, day of month, month, day of week. " +
          "0 9 * * 1-5 is 09:00 on weekdays; */15 * * * * every quarter of an hour.",
        placeholder: "0 9 * * 1-5",
      })
      .default("0 9 * * 1-5"),
    timezone: z
      .string({ error: "Enter a time zone" })
      .trim()
      .min(1, "Enter a time zone")
      .max(64, "The time zone can be at most 64 characters long")
      .meta({
        title: "Time zone",
        description: "An IANA time zone, e.g. Europe/Berlin or America/New_York.",
        placeholder: "UTC",
      })
      .default("UTC"),
  })
  .superRefine((config, ctx) => {
    const check = checkSchedule(config.cron, config.timezone);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.error, path: [check.field] });
  });

export type ScheduleTriggerConfig = z.output<typeof scheduleTriggerConfigSchema>;

/** Starts a run at the times a cron expression names, while the workflow is active. */
export const scheduleTriggerNodeType: NodeTypeDefinition<typeof scheduleTriggerConfigSchema> = {
  type: "schedule-trigger",
  idPrefix: "schedule",
  label: "Schedule trigger",
  description:
    "Starts a run at the times a cron expression names, in a time zone you choose, while " +
    "the workflow is active.",
  category: "trigger",
  configSchema: scheduleTriggerConfigSchema,
  defaultConfig: { cron: "0 9 * * 1-5", timezone: "UTC" },
  secretFields: [],
};
