import { getDb } from "../db/client";
import { getConfig } from "../env";
import { redactionCacheFor } from "../redaction/redaction-cache";
import type { IngestOptions } from "./ingest";

/** The process's ingest settings, for every way in. */
export function ingestOptions(): IngestOptions {
  const config = getConfig();
  const db = getDb();
  return {
    db,
    redaction: redactionCacheFor(db),
    readTimeoutMs: config.inboundReadTimeoutMs,
    maxInFlight: config.inboundMaxInFlight,
  };
}
