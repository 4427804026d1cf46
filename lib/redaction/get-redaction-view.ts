import "server-only";
import type { Db } from "../db/client";
import { builtInHeaderRules } from "../secrets/redact";
import { MAX_STORED_BODY_BYTES, MIN_STORED_BODY_BYTES } from "./redaction-settings";
import { readRedactionSettings } from "./redaction-store";

/** The redaction settings as the admin dashboard shows them. */
export type RedactionView = {
  headerNames: string[];
  jsonPaths: string[];
  maxStoredBodyBytes: number;
  /** The cap from SWITCHYARD_MAX_STORED_BODY_BYTES, used until an admin sets one. */
  defaultMaxStoredBodyBytes: number;
  minStoredBodyBytes: number;
  maxAllowedStoredBodyBytes: number;
  /** What is redacted whatever the settings say. */
  builtIn: { headerNames: string[]; headerNameFragments: string[] };
};

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
