import "server-only";
import type { RedactionView } from "../api/views";
import type { Db } from "../db/client";
import { builtInHeaderRules } from "../secrets/redact";
import { MAX_STORED_BODY_BYTES, MIN_STORED_BODY_BYTES } from "./redaction-settings";
import { readRedactionSettings } from "./redaction-store";

/** Reads the installation's redaction settings with the limits and built-in rules. */
export async function getRedactionView(
  db: Db,
  defaultMaxStoredBodyBytes: number,
): Promise<RedactionView> {
  const settings = await readRedactionSettings(db, defaultMaxStoredBodyBytes);
  return {
    headerNames: [...settings.headerNames],
    jsonPaths: [...settings.jsonPaths],
    maxStoredBodyBytes: settings.maxStoredBodyBytes,
    defaultMaxStoredBodyBytes,
    minStoredBodyBytes: MIN_STORED_BODY_BYTES,
    maxAllowedStoredBodyBytes: MAX_STORED_BODY_BYTES,
    builtIn: {
      headerNames: [...builtInHeaderRules.names],
      headerNameFragments: [...builtInHeaderRules.fragments],
    },
  };
}
