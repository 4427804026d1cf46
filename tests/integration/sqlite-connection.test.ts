import { describe, expect, it } from "vitest";
import { getDb, sqliteConnectionOf } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { sqliteTimestamp } from "@/lib/db/sqlite-connection";
import { getConfig } from "@/lib/env";

const insertWorkspace = `INSERT INTO "Workspace" (id, name, "createdAt") VALUES (?, ?, ?)`;

describe.runIf(getConfig().database.kind === "sqlite")("the shared SQLite connection", () => {
  it("commits work handed in together as one transaction, rolling back only the piece that throws", async () => {
    const db = getDb();
    const connection = await sqliteConnectionOf(db);
    if (!connection) throw new Error("expected a SQLite connection");
    const at = sqliteTimestamp(new Date());

    const results = await Promise.allSettled([
      connection.run((sql) => sql.run(insertWorkspace, newId(), "group-a", at)),
      connection.run((sql) => {
        sql.run(insertWorkspace, newId(), "group-b", at);
        throw new Error("the second piece fails after its insert");
      }),
      connection.run((sql) => sql.run(insertWorkspace, newId(), "group-c", at)),
    ]);

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const names = await db.workspace.findMany({
      where: { name: { startsWith: "group-" } },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    expect(names.map((row) => row.name)).toEqual(["group-a", "group-c"]);
  });

  it("runs each piece of a group once when none throws", async () => {
    const connection = await sqliteConnectionOf(getDb());
    if (!connection) throw new Error("expected a SQLite connection");
    const at = sqliteTimestamp(new Date());
    const runs = [0, 0, 0];
    await Promise.all(
      runs.map((_, index) =>
        connection.run((sql) => {
          runs[index]! += 1;
          return sql.run(insertWorkspace, newId(), `once-${index}`, at);
        }),
      ),
    );
    expect(runs).toEqual([1, 1, 1]);
  });

  it("syncs each commit to disk, which better-sqlite3 does not do on a WAL file unless asked", async () => {
    const connection = await sqliteConnectionOf(getDb());
    if (!connection) throw new Error("expected a SQLite connection");
    const settings = await connection.read((sql) => ({
      journal: sql.get<{ journal_mode: string }>("PRAGMA journal_mode"),
      synchronous: sql.get<{ synchronous: number }>("PRAGMA synchronous"),
    }));
    // 2 is FULL; a new connection to a WAL file would otherwise get 1 (NORMAL).
    expect(settings).toEqual({ journal: { journal_mode: "wal" }, synchronous: { synchronous: 2 } });
  });

  it("waits for an open Prisma transaction to finish before it writes", async () => {
    const db = getDb();
    const connection = await sqliteConnectionOf(db);
    if (!connection) throw new Error("expected a SQLite connection");
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];

    const prismaTransaction = db.$transaction(async (tx) => {
      await tx.workspace.create({ data: { name: "inside-prisma" } });
      await gate;
      order.push("prisma commits");
    });
    // Let the Prisma transaction begin, then ask for a write while it is open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const direct = connection.run((sql) => {
      order.push("direct write");
      return sql.get<{ count: number }>(
        `SELECT count(*) AS count FROM "Workspace" WHERE name = 'inside-prisma'`,
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await prismaTransaction;

    expect(await direct).toEqual({ count: 1 });
    expect(order).toEqual(["prisma commits", "direct write"]);
  });

  it("keeps the savepoint journal of a group commit in memory rather than in a temporary file", async () => {
    const connection = await sqliteConnectionOf(getDb());
    if (!connection) throw new Error("expected a SQLite connection");
    const mode = await connection.read((sql) =>
      sql.get<{ temp_store: number }>("PRAGMA temp_store"),
    );
    // 2 is MEMORY; SQLite's default, 0, puts the journal in a file once it outgrows a small buffer.
    expect(mode).toEqual({ temp_store: 2 });
  });

  it("gives rows ids in the same form as Prisma's, and unique", () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
