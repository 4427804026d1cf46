import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { prepareSqliteFile } from "@/lib/db/prepare-sqlite-file";
import { getConfig } from "@/lib/env";
import { pruneRetention } from "@/lib/retention/prune-retention";
import { DAY_MS, later, seedExchanges, seedWorkflow } from "./support/retention-fixtures";

const { database } = getConfig();
const isSqlite = database.kind === "sqlite";

/** The file and its write-ahead log, as they take up the disk. */
function fileBytes(file: string): number {
  const wal = `${file}-wal`;
  let bytes = statSync(file).size;
  try {
    bytes += statSync(wal).size;
  } catch {
    // No log file: everything is in the main file.
  }
  return bytes;
}

describe.skipIf(!isSqlite)("the SQLite file after pruning", () => {
  it("shrinks once many exchanges with big bodies are deleted", async () => {
    if (database.kind !== "sqlite") return;
    const db = getDb();
    const workflow = await seedWorkflow();
    const start = new Date();
    await seedExchanges(workflow, { createdAt: start, count: 600, bodyChars: 16_000 });
    await seedExchanges(workflow, {
      createdAt: later(start, 29 * DAY_MS),
      count: 20,
      bodyChars: 16_000,
    });
    await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const before = fileBytes(database.path);

    const outcome = await pruneRetention({
      db,
      database,
      prunerId: "shrink-test",
      now: () => later(start, 31 * DAY_MS),
      pauseMs: 0,
    });

    const after = fileBytes(database.path);
    if (!outcome.ok) throw new Error("the pass could not claim");
    expect(outcome.result.exchangesDeleted).toBe(600);
    expect(outcome.result.bytesFreed).toBeGreaterThan(before / 2);
    expect(after).toBeLessThan(before / 4);
    expect(await db.exchange.count({ where: { workflowId: workflow.workflowId } })).toBe(20);
    process.stdout.write(`SQLite file: ${before} bytes before pruning, ${after} after\n`);
  });

  it("switches an existing file to incremental vacuum, keeping its rows", () => {
    const dir = path.join(os.tmpdir(), "switchyard-tests");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `old-mode-${randomUUID()}.db`);
    try {
      const old = new Database(file);
      old.exec("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here');");
      old.close();

      expect(prepareSqliteFile(file)).toEqual({ wasConverted: true });
      expect(prepareSqliteFile(file)).toEqual({ wasConverted: false });

      const reopened = new Database(file, { readonly: true });
      expect(reopened.pragma("auto_vacuum", { simple: true })).toBe(2);
      expect(reopened.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(reopened.prepare("SELECT value FROM kept").pluck().get()).toBe("still here");
      reopened.close();
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});
