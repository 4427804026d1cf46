import "server-only";
import type { Db } from "../db/client";
import { publish } from "../events/event-bus";
import { redactionCacheFor } from "./redaction-cache";
import { findInvalidPath, type RedactionSettingsInput } from "./redaction-settings";
import { writeRedactionSettings } from "./redaction-store";

export type UpdateRedactionResult =
  { ok: true } | { ok: false; reason: "invalid_path"; path: string; message: string };

/**
 * Stores new redaction settings and tells every process to reload them. This process's cache
 * is reloaded before returning, so the next exchange stored here already follows them; other
 * processes follow when the change notice reaches them, or within the cache's TTL.
 */
export async function updateRedactionSettings(
  db: Db,
  settings: RedactionSettingsInput,
): Promise<UpdateRedactionResult> {
  const invalid = findInvalidPath(settings.jsonPaths);
  if (invalid) return { ok: false, reason: "invalid_path", ...invalid };

  await writeRedactionSettings(db, settings);
  publish({ workspaceId: null, event: { type: "settings.changed", settings: "redaction" } });
  await redactionCacheFor(db).reload();
  return { ok: true };
}
