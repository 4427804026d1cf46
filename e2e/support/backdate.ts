import Database from "better-sqlite3";
import pg from "pg";

/** The database the browser tests' server uses (see start-test-server.mjs). */
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e/switchyard.db";

/**
 * Moves a run and every exchange of it `days` into the past, written straight to the server's
 * database: the app has no way to make old data, and retention only acts on old data.
 */
export async function backdateRun(runId: string, days: number): Promise<void> {
  const when = new Date(Date.now() - days * 86_400_000);
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { timeout: 10_000 });
    try {
      // The format Prisma's SQLite adapter writes, so comparisons order it with other rows.
      const stamp = when.toISOString().replace("Z", "+00:00");
      db.prepare(`UPDATE "Run" SET "createdAt" = ? WHERE id = ?`).run(stamp, runId);
      db.prepare(`UPDATE "Exchange" SET "createdAt" = ? WHERE "runId" = ?`).run(stamp, runId);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stamp = when.toISOString();
    await client.query(`UPDATE "Run" SET "createdAt" = $1 WHERE id = $2`, [stamp, runId]);
    await client.query(`UPDATE "Exchange" SET "createdAt" = $1 WHERE "runId" = $2`, [stamp, runId]);
  } finally {
    await client.end();
  }
}
