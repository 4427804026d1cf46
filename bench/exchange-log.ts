import { z } from "zod";

import { postgresAdminUrl, createScratchDatabase } from "../tests/integration/support/migrate";
import { createFreshDatabaseFile, removeDatabaseFile } from "./bench-database";
import { measureLogArrival, type ArrivalResult } from "./exchange-log-arrival";
import type { LogReadsInput, LogReadsResult } from "./exchange-log-probes";
import { seedPostgresLog, seedSqliteLog, type SeededLog } from "./exchange-log-seed";
import { findConnectionProblem } from "./postgres-scale-out";
import { spawnServerProcess } from "./server-process";
import type { SkippedScenario } from "./skipped-scenario";

/** The log's reads on one database, with what storing its rows took. */
export type LogDatabaseResult = {
  exchanges: number;
  /** Storing the log: context, not part of any figure. */
  seedSeconds: number;
  seedExchangesPerSecond: number;
  /** The share of all exchanges the filtered workflow has. */
  workflowShare: number;
  reads: LogReadsResult;
};

export type ExchangeLogResult = {
  exchanges: number;
  /** Timed calls per filter, after a few untimed ones. */
  samples: number;
  pageSize: number;
  targetPageMs: number;
  targetOpenMs: number;
  sqlite: LogDatabaseResult;
  postgresql: LogDatabaseResult | SkippedScenario;
  arrival: ArrivalResult | SkippedScenario;
};

const SAMPLES = 30;
const PAGE_SIZE = 50;
const TARGET_PAGE_MS = 50;
const TARGET_OPEN_MS = 20;
/** The reads of a slow filter on a million rows take minutes, not the usual start minute. */
const READS_TIMEOUT_MS = 30 * 60_000;

const timingSchema = z.object({ p50Ms: z.number(), p95Ms: z.number(), maxMs: z.number() });
const readsSchema = z.object({
  baseline: timingSchema,
  filters: z.array(timingSchema.extend({ name: z.string(), rows: z.number() })),
  open: timingSchema.extend({ opened: z.number(), found: z.number() }),
});

/**
 * Measures the delivery log at size: `exchanges` exchanges stored in a fresh SQLite file, and in
 * a fresh PostgreSQL database when the bench's server is reachable, then the first page of the
 * log with each filter and the opening of one exchange, timed where the route handlers would
 * run them. Then how soon a committed inbound exchange shows in a signed-in browser's log.
 */
export async function measureExchangeLog(
  sizes: { logExchanges: number },
  reportProgress: (message: string) => void,
): Promise<ExchangeLogResult> {
  const exchanges = sizes.logExchanges;

  reportProgress(`delivery log on SQLite: storing ${exchanges} exchanges`);
  const sqlitePath = createFreshDatabaseFile("exchange-log", { isMigrated: true });
  let sqlite: LogDatabaseResult;
  try {
    const seeded = await seedSqliteLog(sqlitePath, exchanges);
    reportProgress(`delivery log on SQLite: reading (${fixedRate(seeded)} exchanges/s stored)`);
    sqlite = await readLog(`file:${sqlitePath}`, seeded);
  } finally {
    removeDatabaseFile(sqlitePath);
  }

  const postgresql = await measurePostgres(exchanges, reportProgress);
  reportProgress("delivery log: live arrival in the browser");
  const arrival = await measureLogArrival(reportProgress);

  return {
    exchanges,
    samples: SAMPLES,
    pageSize: PAGE_SIZE,
    targetPageMs: TARGET_PAGE_MS,
    targetOpenMs: TARGET_OPEN_MS,
    sqlite,
    postgresql,
    arrival,
  };
}

async function measurePostgres(
  exchanges: number,
  reportProgress: (message: string) => void,
): Promise<LogDatabaseResult | SkippedScenario> {
  const unreachable = await findConnectionProblem(postgresAdminUrl());
  if (unreachable) return { skipped: unreachable };

  reportProgress(`delivery log on PostgreSQL: storing ${exchanges} exchanges`);
  const scratch = await createScratchDatabase("postgresql", "bench");
  try {
    const seeded = await seedPostgresLog(scratch.url, exchanges);
    reportProgress(`delivery log on PostgreSQL: reading (${fixedRate(seeded)} exchanges/s stored)`);
    return await readLog(scratch.url, seeded);
  } finally {
    await scratch.dispose();
  }
}

/** Runs the reads in a process whose DATABASE_URL names the database, as the app's would. */
async function readLog(databaseUrl: string, seeded: SeededLog): Promise<LogDatabaseResult> {
  const input: LogReadsInput = {
    workspaceId: seeded.workspaceId,
    samples: SAMPLES,
    probes: seeded.probes,
  };
  const reads = spawnServerProcess(
    "bench/exchange-log-reads.ts",
    {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      BENCH_LOG_READS: JSON.stringify(input),
    },
    (json) => readsSchema.parse(json),
    { startTimeoutMs: READS_TIMEOUT_MS },
  );
  try {
    return {
      exchanges: seeded.exchanges,
      seedSeconds: seeded.seedSeconds,
      seedExchangesPerSecond: seeded.exchangesPerSecond,
      workflowShare: seeded.probes.workflowShare,
      reads: await reads.ready,
    };
  } finally {
    await reads.stop();
  }
}

function fixedRate(seeded: SeededLog): string {
  return seeded.exchangesPerSecond.toFixed(0);
}
