import { z } from "zod";
import type { Db } from "../db/client";
import type { RedactionSettings } from "./redaction-rules";

/** The one settings row: redaction is per installation, like retention. */
export const REDACTION_SETTINGS_ID = "installation";

const storedList = z.array(z.string());

/**
 * The installation's redaction settings; no extra names or paths and the configured cap
 * (`defaultMaxStoredBodyBytes`) until an admin changes them.
 */
export async function readRedactionSettings(
  db: Db,
  defaultMaxStoredBodyBytes: number,
): Promise<RedactionSettings & { isDefaultCap: boolean }> {
  const row = await db.redactionSettings.findUnique({ where: { id: REDACTION_SETTINGS_ID } });
  return {
    headerNames: row ? parseList(row.headerNames) : [],
    jsonPaths: row ? parseList(row.jsonPaths) : [],
    maxStoredBodyBytes: row?.maxStoredBodyBytes ?? defaultMaxStoredBodyBytes,
    isDefaultCap: row?.maxStoredBodyBytes == null,
  };
}

/** Stores validated settings. Callers announce the change so other processes reload. */
export async function writeRedactionSettings(db: Db, settings: RedactionSettings): Promise<void> {
  const data = {
    headerNames: JSON.stringify(settings.headerNames),
    jsonPaths: JSON.stringify(settings.jsonPaths),
    maxStoredBodyBytes: settings.maxStoredBodyBytes,
  };
  await db.redactionSettings.upsert({
    where: { id: REDACTION_SETTINGS_ID },
    create: { id: REDACTION_SETTINGS_ID, ...data },
    update: data,
  });
}

function parseList(stored: string): string[] {
  const parsed = storedList.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : [];
}
