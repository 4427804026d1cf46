import "server-only";
import Database from "better-sqlite3";
import { setTimeout as sleep } from "node:timers/promises";

/** SQLite's code for `PRAGMA auto_vacuum = INCREMENTAL`. */
const AUTO_VACUUM_INCREMENTAL = 2;

/** True when the file is in incremental vacuum mode, so pruning can shrink it. */
export function isSqliteFileIncremental(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.pragma("auto_vacuum", { simple: true })) === AUTO_VACUUM_INCREMENTAL;
  } finally {
    db.close();
  }
}

export type ShrinkOptions = {
  /** Free pages returned to the file system per step; each step holds the write lock briefly. */
  stepPages: number;
  /** Pause between steps, so writers waiting for the lock get their turn. */
  pauseMs: number;
  signal?: AbortSignal;
};

export type ShrinkOutcome =
  { ok: true; pagesFreed: number; bytesFreed: number } | { ok: false; reason: "not_incremental" };

/**
 * Gives the pages that pruning freed back to the file system, so the file actually gets
 * smaller: `PRAGMA incremental_vacuum` in steps, then a checkpoint that truncates the file and
 * the write-ahead log. Deleting rows alone only puts pages on SQLite's free list.
 *
 * It works on its own short-lived connection: `incremental_vacuum` frees one page per step of
 * its statement, and only `exec` runs a statement to the end. Nothing here can run inside a
 * transaction, and none is open on this connection. A file not in incremental mode (one the
 * start script has not prepared yet) is reported, not changed: switching needs a full VACUUM.
 */
export async function shrinkSqliteFile(
  file: string,
  options: ShrinkOptions,
): Promise<ShrinkOutcome> {
  const db = new Database(file, { timeout: 10_000 });
  try {
    if (Number(db.pragma("auto_vacuum", { simple: true })) !== AUTO_VACUUM_INCREMENTAL) {
      return { ok: false, reason: "not_incremental" };
    }
    const pageSize = Number(db.pragma("page_size", { simple: true }));
    const pagesBefore = Number(db.pragma("page_count", { simple: true }));

    while (!options.signal?.aborted && Number(db.pragma("freelist_count", { simple: true })) > 0) {
      db.exec(`PRAGMA incremental_vacuum(${Math.max(1, Math.floor(options.stepPages))})`);
      await sleep(options.pauseMs);
    }
    db.pragma("wal_checkpoint(TRUNCATE)");

    const pagesFreed = Math.max(0, pagesBefore - Number(db.pragma("page_count", { simple: true })));
    return { ok: true, pagesFreed, bytesFreed: pagesFreed * pageSize };
  } finally {
    db.close();
  }
}
