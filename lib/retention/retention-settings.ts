import "server-only";
import type { Db } from "../db/client";
import { isUniqueConflict } from "../db/unique-conflict";
import { defaultRetentionPolicy, type RetentionPolicy } from "./retention-policy";

/** The one settings row: retention is per installation, like the admin dashboard. */
export const RETENTION_SETTINGS_ID = "installation";

/**
 * Creates the settings row with the default policy unless it exists. The pruner's claim lives
 * on the row, so it must exist before anyone can claim it.
 */
export async function ensureRetentionSettings(db: Db): Promise<void> {
  const where = { id: RETENTION_SETTINGS_ID };
  if (await db.retentionSettings.findUnique({ where, select: { id: true } })) return;
  try {
    await db.retentionSettings.create({ data: { ...where, ...defaultRetentionPolicy } });
  } catch (error) {
    // Another process created it first (PostgreSQL with several processes); that is the goal.
    if (!isUniqueConflict(error)) throw error;
  }
}

/** The installation's retention policy; the defaults until an admin changes them. */
export async function readRetentionPolicy(db: Db): Promise<RetentionPolicy> {
  const row = await db.retentionSettings.findUnique({
    where: { id: RETENTION_SETTINGS_ID },
    select: { bodyRetentionHours: true, metadataRetentionHours: true },
  });
  return row ?? defaultRetentionPolicy;
}

/** Stores a validated policy; the next prune uses it. */
export async function updateRetentionPolicy(db: Db, policy: RetentionPolicy): Promise<void> {
  await ensureRetentionSettings(db);
  await db.retentionSettings.update({ where: { id: RETENTION_SETTINGS_ID }, data: policy });
}
