import { z } from "zod";

const HOURS_PER_DAY = 24;

/** Bodies are kept at least an hour: less would clear them before anyone could look. */
export const MIN_BODY_RETENTION_HOURS = 1;
export const MAX_BODY_RETENTION_HOURS = 365 * HOURS_PER_DAY;
/** Ten years: beyond that, keeping everything is the honest setting, and it has no bound. */
export const MAX_METADATA_RETENTION_HOURS = 3650 * HOURS_PER_DAY;

export const DEFAULT_BODY_RETENTION_HOURS = 7 * HOURS_PER_DAY;
export const DEFAULT_METADATA_RETENTION_HOURS = 30 * HOURS_PER_DAY;

/**
 * How long the delivery log keeps what, in whole hours. Bodies go first (they are most of the
 * bytes); the rest of an exchange outlives them, so the metadata window is never shorter than
 * the body window.
 */
export const retentionPolicySchema = z
  .object({
    bodyRetentionHours: z
      .number()
      .int()
      .min(MIN_BODY_RETENTION_HOURS, "Keep bodies for at least 1 hour.")
      .max(MAX_BODY_RETENTION_HOURS, "Keep bodies for at most 365 days."),
    metadataRetentionHours: z
      .number()
      .int()
      .min(MIN_BODY_RETENTION_HOURS, "Keep metadata for at least 1 hour.")
      .max(MAX_METADATA_RETENTION_HOURS, "Keep metadata for at most 3,650 days."),
  })
  .refine((policy) => policy.metadataRetentionHours >= policy.bodyRetentionHours, {
    path: ["metadataRetentionHours"],
    message: "Keep metadata at least as long as bodies.",
  });

export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const defaultRetentionPolicy: RetentionPolicy = {
  bodyRetentionHours: DEFAULT_BODY_RETENTION_HOURS,
  metadataRetentionHours: DEFAULT_METADATA_RETENTION_HOURS,
};

/** The moments before which bodies are cleared and rows deleted, for a pass starting at `now`. */
export function retentionCutoffs(
  policy: RetentionPolicy,
  now: Date,
): { bodiesBefore: Date; rowsBefore: Date } {
  const hourMs = 3_600_000;
  return {
    bodiesBefore: new Date(now.getTime() - policy.bodyRetentionHours * hourMs),
    rowsBefore: new Date(now.getTime() - policy.metadataRetentionHours * hourMs),
  };
}
