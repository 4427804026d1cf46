import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";

import { createDb, type Db } from "../lib/db/client";
import { sqliteTimestamp } from "../lib/db/sqlite-connection";
import type { DatabaseTarget } from "../lib/env";
import {
  createLogRows,
  LOG_WORKFLOWS,
  type LogExchangeRow,
  type LogProbes,
  type LogRunRow,
  type LogWorkflow,
} from "./exchange-log-rows";

/** A database holding the delivery log of the scenario, and what storing it took. */
export type SeededLog = {
  workspaceId: string;
  probes: LogProbes;
  exchanges: number;
  seedSeconds: number;
  exchangesPerSecond: number;
};

type Column<Row> = {
  name: string;
  /** The PostgreSQL array type the column's values travel in. */
  pgType: "text" | "int4" | "bool" | "timestamp";
  value: (row: Row) => string | number | boolean | Date | null;
};

const exchangeColumns = (workspaceId: string): Column<LogExchangeRow>[] => [
  { name: "id", pgType: "text", value: (row) => row.id },
  { name: "workspaceId", pgType: "text", value: () => workspaceId },
  { name: "workflowId", pgType: "text", value: (row) => row.workflowId },
  { name: "runId", pgType: "text", value: (row) => row.runId },
  { name: "kind", pgType: "text", value: (row) => row.kind },
  { name: "outcome", pgType: "text", value: (row) => row.outcome },
  { name: "attempt", pgType: "int4", value: (row) => row.attempt },
  { name: "method", pgType: "text", value: (row) => row.method },
  { name: "url", pgType: "text", value: (row) => row.url },
  { name: "requestHeaders", pgType: "text", value: (row) => row.requestHeaders },
  { name: "requestBody", pgType: "text", value: (row) => row.requestBody },
  { name: "requestBodyTruncated", pgType: "bool", value: () => false },
  { name: "requestBodyEncoding", pgType: "text", value: () => "utf8" },
  { name: "responseStatus", pgType: "int4", value: (row) => row.responseStatus },
  { name: "responseHeaders", pgType: "text", value: (row) => row.responseHeaders },
  { name: "responseBody", pgType: "text", value: (row) => row.responseBody },
  { name: "responseBodyTruncated", pgType: "bool", value: () => false },
  {
    name: "responseBodyEncoding",
    pgType: "text",
    value: (row) => (row.responseBody === null ? null : "utf8"),
  },
  { name: "durationMs", pgType: "int4", value: (row) => row.durationMs },
  { name: "error", pgType: "text", value: (row) => row.error },
  { name: "replayOfId", pgType: "text", value: (row) => row.replayOfId },
  { name: "createdAt", pgType: "timestamp", value: (row) => row.createdAt },
  { name: "host", pgType: "text", value: (row) => row.host },
  { name: "messageId", pgType: "text", value: (row) => row.messageId },
  { name: "failure", pgType: "text", value: (row) => row.failure },
  { name: "connectMs", pgType: "int4", value: (row) => row.connectMs },
  { name: "firstByteMs", pgType: "int4", value: (row) => row.firstByteMs },
  { name: "isReplay", pgType: "bool", value: (row) => row.replayOfId !== null },
];

const runColumns = (workspaceId: string, versions: Map<string, string>): Column<LogRunRow>[] => [
  { name: "id", pgType: "text", value: (run) => run.id },
  { name: "workspaceId", pgType: "text", value: () => workspaceId },
  { name: "workflowId", pgType: "text", value: (run) => run.workflowId },
  { name: "versionId", pgType: "text", value: (run) => versions.get(run.workflowId) ?? null },
  { name: "triggerKind", pgType: "text", value: () => "webhook" },
  { name: "triggerNodeId", pgType: "text", value: () => "webhook1" },
  { name: "triggerData", pgType: "text", value: () => "{}" },
  { name: "status", pgType: "text", value: () => "succeeded" },
  { name: "createdAt", pgType: "timestamp", value: (run) => run.createdAt },
];

/** Rows per transaction on SQLite, and per INSERT … SELECT FROM unnest on PostgreSQL. */
const SQLITE_BATCH = 20_000;
const POSTGRES_BATCH = 5_000;

/**
 * Stores a delivery log of `count` exchanges in a migrated, empty SQLite file: one workspace,
 * `LOG_WORKFLOWS` published workflows and their runs through Prisma, then the rows by one
 * prepared insert each, `SQLITE_BATCH` to a transaction, on a connection of its own that syncs
 * at checkpoints only (the app's connection syncs every commit).
 */
export async function seedSqliteLog(sqlitePath: string, count: number): Promise<SeededLog> {
  const startedAt = performance.now();
  const { workspaceId, workflows } = await withDb({ kind: "sqlite", path: sqlitePath }, seedOwners);
  const rows = createLogRows(workflows, count, new Date());
  const versions = new Map(workflows.map((workflow) => [workflow.id, workflow.versionId]));

  const database = new Database(sqlitePath);
  try {
    database.pragma("synchronous = NORMAL");
    const insertExchange = sqliteInsert(database, "Exchange", exchangeColumns(workspaceId));
    const insertRun = sqliteInsert(database, "Run", runColumns(workspaceId, versions));
    const storeBatch = database.transaction(
      (batch: { exchanges: LogExchangeRow[]; runs: LogRunRow[] }) => {
        for (const run of batch.runs) insertRun(run);
        for (const exchange of batch.exchanges) insertExchange(exchange);
      },
    );
    for (let stored = 0; stored < count; stored += SQLITE_BATCH) {
      storeBatch(rows.nextBatch(SQLITE_BATCH));
    }
    database.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    database.close();
  }
  return seeded(workspaceId, rows.probes(), count, startedAt);
}

/**
 * Stores the same log in a migrated, empty PostgreSQL database: the owners through Prisma, then
 * `POSTGRES_BATCH` rows per INSERT … SELECT FROM unnest(…), one array per column, and ANALYZE
 * at the end, as autovacuum would soon after such a load.
 */
export async function seedPostgresLog(url: string, count: number): Promise<SeededLog> {
  const startedAt = performance.now();
  const { workspaceId, workflows } = await withDb({ kind: "postgresql", url }, seedOwners);
  const rows = createLogRows(workflows, count, new Date());
  const versions = new Map(workflows.map((workflow) => [workflow.id, workflow.versionId]));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const exchanges = exchangeColumns(workspaceId);
    const runs = runColumns(workspaceId, versions);
    for (let stored = 0; stored < count; stored += POSTGRES_BATCH) {
      const batch = rows.nextBatch(POSTGRES_BATCH);
      await client.query("BEGIN");
      await postgresInsert(client, "Run", runs, batch.runs);
      await postgresInsert(client, "Exchange", exchanges, batch.exchanges);
      await client.query("COMMIT");
    }
    await client.query('ANALYZE "Run", "Exchange"');
  } finally {
    await client.end();
  }
  return seeded(workspaceId, rows.probes(), count, startedAt);
}

function seeded(
  workspaceId: string,
  probes: LogProbes,
  exchanges: number,
  startedAt: number,
): SeededLog {
  const seedSeconds = (performance.now() - startedAt) / 1000;
  return {
    workspaceId,
    probes,
    exchanges,
    seedSeconds,
    exchangesPerSecond: exchanges / seedSeconds,
  };
}

async function withDb<T>(target: DatabaseTarget, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(target, { poolSize: 1 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** The workspace and the published workflows whose runs and exchanges make up the log. */
async function seedOwners(db: Db): Promise<{ workspaceId: string; workflows: LogWorkflow[] }> {
  const workspace = await db.workspace.create({ data: { name: "Benchmark" } });
  const workflows: LogWorkflow[] = [];
  for (let number = 1; number <= LOG_WORKFLOWS; number += 1) {
    const workflow = await db.workflow.create({
      data: {
        workspaceId: workspace.id,
        name: `Benchmark flow ${number}`,
        token: randomUUID(),
        isActive: true,
        draftGraph: '{"nodes":[],"edges":[]}',
      },
    });
    const version = await db.workflowVersion.create({
      data: { workflowId: workflow.id, number: 1, graph: '{"nodes":[],"edges":[]}' },
    });
    workflows.push({ id: workflow.id, versionId: version.id });
  }
  return { workspaceId: workspace.id, workflows };
}

function sqliteInsert<Row>(
  database: Database.Database,
  table: string,
  columns: Column<Row>[],
): (row: Row) => void {
  const names = columns.map((column) => `"${column.name}"`).join(", ");
  const statement = database.prepare(
    `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  return (row) => {
    statement.run(columns.map((column) => sqliteValue(column.value(row))));
  };
}

function sqliteValue(value: string | number | boolean | Date | null): string | number | null {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

async function postgresInsert<Row>(
  client: pg.Client,
  table: string,
  columns: Column<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((column) => `"${column.name}"`).join(", ");
  const arrays = columns.map((column, index) => `$${index + 1}::${column.pgType}[]`).join(", ");
  const values = columns.map((column) =>
    rows.map((row) => {
      const value = column.value(row);
      return value instanceof Date ? value.toISOString() : value;
    }),
  );
  await client.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`, values);
}
