import { getDb } from "../db/client";
import { getConfig } from "../env";
import type { IngestOptions } from "./ingest";

/** The process's ingest settings, for every way in. */
export function ingestOptions(): IngestOptions {
  const config = getConfig();
  return {
    db: getDb(),
    maxStoredBodyBytes: config.maxStoredBodyBytes,
    readTimeoutMs: config.inboundReadTimeoutMs,
    maxInFlight: config.inboundMaxInFlight,
  };
}
