import { z } from "zod";

/** Path parameters of routes under `[id]`. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const workflowNameSchema = z.string().trim().min(1, "Give the workflow a name").max(120);
