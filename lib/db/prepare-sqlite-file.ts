import Database from "better-sqlite3";

/** SQLite's code for `PRAGMA auto_vacuum = INCREMENTAL`. */
const AUTO_VACUUM_INCREMENTAL = 2;

export type PreparedSqliteFile = {
  /** The file was in another auto_vacuum mode and has been rewritten by a full VACUUM. */
  wasConverted: boolean;
};

/**
 * Puts a SQLite file in the modes the app relies on; both are stored in the file, so this runs
 * once per start, before anything else opens it:
 * - `auto_vacuum = INCREMENTAL`, so retention's `incremental_vacuum` can give freed pages back
 *   and the file shrinks. On a new, empty file the setting simply takes effect; a file that
 *   already holds tables needs one full VACUUM to switch, which rewrites the whole file (about
 *   as long as copying it) and cannot run inside a transaction, so not in a migration.
 * - WAL, so the delivery log can be read while runs write.
 *
 * Not server-only: the start script and the test setup call it outside Next.
 */
export function prepareSqliteFile(file: string): PreparedSqliteFile {
  const db = new Database(file, { timeout: 10_000 });
  try {
    let wasConverted = false;
    if (Number(db.pragma("auto_vacuum", { simple: true })) !== AUTO_VACUUM_INCREMENTAL) {
      db.pragma("auto_vacuum = INCREMENTAL");
      const hasTables = db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").get() !== undefined;
      if (hasTables) {
        db.exec("VACUUM");
        wasConverted = true;
      }
    }
    db.pragma("journal_mode = WAL");
    return { wasConverted };
  } finally {
    db.close();
  }
}
