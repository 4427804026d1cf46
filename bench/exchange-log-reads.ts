// The reads of the delivery log scenario, in a process of its own: the app picks its database
// from DATABASE_URL once per process (lib/db/client.ts getDb), so the bench starts this with
// DATABASE_URL naming the seeded database and calls the functions the route handlers call,
// timing each call in this process: server time, without HTTP or the browser. It writes what it
// measured as its ready line and exits.
import { performance } from "node:perf_hooks";
import { z } from "zod";

import { getDb } from "../lib/db/client";
import { exchangeSummarySelect } from "../lib/exchanges/exchange-views";
import { getExchange } from "../lib/exchanges/get-exchange";
import { listExchanges } from "../lib/exchanges/list-exchanges";
import {
  logFilterProbes,
  type CallTiming,
  type LogReadsInput,
  type LogReadsResult,
} from "./exchange-log-probes";
import { READY_PREFIX } from "./server-process";

const PAGE_SIZE = 50;
const WARM_UP_CALLS = 3;

const inputSchema = z.object({
  workspaceId: z.string(),
  samples: z.number().int().positive(),
  probes: z.object({
    workflowId: z.string(),
    workflowShare: z.number(),
    host: z.string(),
    status: z.number().int(),
    runId: z.string(),
    messageId: z.string(),
    rareWord: z.string(),
    dayFrom: z.coerce.date(),
    dayTo: z.coerce.date(),
    openIds: z.array(z.string()),
  }),
});

async function main(): Promise<void> {
  const input: LogReadsInput = inputSchema.parse(JSON.parse(process.env.BENCH_LOG_READS ?? ""));
  const { workspaceId, samples } = input;
  const db = getDb();

  // The simplest read of the same page: the newest rows of the whole table by its createdAt
  // index, through the same client, with the columns the log's summary selects. It is timed
  // alongside every filter, call for call, so both see the same load on the machine.
  const readNewest = () =>
    db.exchange.findMany({
      orderBy: [{ createdAt: "desc" }],
      take: PAGE_SIZE + 1,
      select: exchangeSummarySelect,
    });

  const probes = logFilterProbes(input.probes).map((probe) => ({
    name: probe.name,
    read: () => listExchanges(workspaceId, { ...probe.filter, limit: PAGE_SIZE }),
  }));
  for (let call = 0; call < WARM_UP_CALLS; call += 1) {
    await readNewest();
    for (const probe of probes) await probe.read();
  }

  const baselineDurations: number[] = [];
  const filters = [];
  for (const probe of probes) {
    const durations: number[] = [];
    for (let call = 0; call < samples; call += 1) {
      baselineDurations.push(await timeCall(readNewest));
      durations.push(await timeCall(probe.read));
    }
    const page = await probe.read();
    filters.push({ name: probe.name, rows: page.exchanges.length, ...summarize(durations) });
  }
  const baseline = summarize(baselineDurations);

  // Every id is opened once, after a few untimed opens of the first ones.
  const ids = input.probes.openIds;
  let calls = 0;
  let found = 0;
  const open = await timeCalls(ids.length, async () => {
    const id = ids[Math.max(0, calls - WARM_UP_CALLS)]!;
    const exchange = await getExchange(workspaceId, id);
    if (exchange && calls >= WARM_UP_CALLS) found += 1;
    calls += 1;
  });

  const result: LogReadsResult = {
    baseline,
    filters,
    open: { ...open, opened: ids.length, found },
  };
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(result)}\n`);
  await db.$disconnect();
}

/** Calls `read` a few times unmeasured, then `samples` times, one after another. */
async function timeCalls(samples: number, read: () => Promise<unknown>): Promise<CallTiming> {
  for (let call = 0; call < WARM_UP_CALLS; call += 1) await read();
  const durations: number[] = [];
  for (let call = 0; call < samples; call += 1) durations.push(await timeCall(read));
  return summarize(durations);
}

async function timeCall(read: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await read();
  return performance.now() - startedAt;
}

/** Nearest-rank p50 and p95, and the slowest call. */
function summarize(durations: number[]): CallTiming {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ??
    Number.NaN;
  return { p50Ms: at(50), p95Ms: at(95), maxMs: at(100) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
