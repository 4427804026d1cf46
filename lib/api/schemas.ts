import { z } from "zod";

/** Path parameters of routes under `[id]`. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const workflowNameSchema = z.string().trim().min(1, "Give the workflow a name").max(120);

/** Path parameters of routes under `[id]/versions/[number]`: a version number from 1. */
export const versionParams = idParams.extend({
  number: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "A version number is a whole number from 1")
    .transform(Number),
});
