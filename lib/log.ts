import pino from "pino";
import { getConfig } from "./env";

/**
 * The one structured logger. Field names are stable across the code base: workflowId, runId,
 * nodeId, deliveryId, jobId, attempt. Secrets never reach it: callers log ids, not payloads.
 */
export const log = pino({
  level: getConfig().logLevel,
  base: { service: "switchyard" },
  redact: {
    paths: ["*.authorization", "*.cookie", "*.secret", "*.password", "*.passwordHash"],
    censor: "[redacted]",
  },
});
