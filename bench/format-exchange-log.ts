import type { ExchangeLogResult, LogDatabaseResult } from "./exchange-log";
import type { ArrivalResult } from "./exchange-log-arrival";
import type { CallTiming } from "./exchange-log-probes";
import { fixed, skippedRow, type ReportRow } from "./report-table";
import { isSkipped, type SkippedScenario } from "./skipped-scenario";

const SCENARIO = "delivery log";

/**
 * The delivery log's rows: per database, the first page per filter against the newest page of
 * the whole table, opening one exchange, and the seeding rate; then live arrival.
 */
export function exchangeLogRows(log: ExchangeLogResult | SkippedScenario): ReportRow[] {
  if (isSkipped(log)) return [skippedRow(SCENARIO, "first page p50 / p95 ms")];
  return [
    ...databaseRows(log, "SQLite", log.sqlite),
    ...(isSkipped(log.postgresql)
      ? [skippedRow(`${SCENARIO}, PostgreSQL`, "first page p50 / p95 ms")]
      : databaseRows(log, "PostgreSQL", log.postgresql)),
    ...arrivalRows(log.arrival),
  ];
}

function databaseRows(log: ExchangeLogResult, name: string, result: LogDatabaseResult) {
  const { baseline, filters, open } = result.reads;
  const pageTarget = `≤ ${log.targetPageMs} ms`;
  const rows: ReportRow[] = filters.map((filter, index) => ({
    scenario: index === 0 ? `${SCENARIO}, ${name} (${result.exchanges})` : "",
    figure: `page: ${filter.name} (${filter.rows})`,
    measured: timing(filter),
    baseline: timing(baseline),
    ratio: `${fixed(filter.p95Ms / baseline.p95Ms, 1)}x`,
    target: pageTarget,
  }));
  rows.push(
    {
      scenario: "",
      figure: `open one exchange (${open.found}/${open.opened})`,
      measured: timing(open),
      baseline: "",
      ratio: "",
      target: `≤ ${log.targetOpenMs} ms`,
    },
    {
      scenario: "",
      figure: "seeding exchanges/s",
      measured: fixed(result.seedExchangesPerSecond, 0),
      baseline: "",
      ratio: "",
      target: "",
    },
  );
  return rows;
}

function arrivalRows(arrival: ArrivalResult | SkippedScenario): ReportRow[] {
  const scenario = `${SCENARIO}, live arrival`;
  if (isSkipped(arrival)) return [skippedRow(scenario, "commit to row p50 / p95 ms")];
  return arrival.runs.map((run, index) => ({
    scenario: index === 0 ? `${scenario} (SQLite, ${run.samples} each)` : "",
    figure: `commit to row, ${run.spacingMs} ms apart`,
    measured: timing(run),
    baseline: "",
    ratio: "",
    target: `≤ ${arrival.targetMs} ms`,
  }));
}

/** What the delivery log's figures mean. */
export function describeExchangeLog(log: ExchangeLogResult | SkippedScenario): string[] {
  if (isSkipped(log)) return [`Delivery log: skipped: ${log.skipped}.`];
  const describeSeed = (name: string, result: LogDatabaseResult | SkippedScenario) =>
    isSkipped(result)
      ? `${name}: skipped: ${result.skipped}`
      : `${name} stored ${result.exchanges} in ${fixed(result.seedSeconds, 1)} s`;
  const sqliteShare = log.sqlite.workflowShare;
  return [
    `Delivery log: ${log.exchanges} exchanges over 30 days in one workspace (20 workflows of` +
      ` falling traffic, the filtered one ${fixed(sqliteShare * 100, 1)}% of all; 45% inbound,` +
      " 35% API calls, 20% webhook attempts, 3% replays; 50 hosts; 1 KB JSON request bodies;" +
      " timeouts, refusals and signature failures at 0.5–3%), stored by seeding outside the" +
      ` app (${describeSeed("SQLite", log.sqlite)}; ${describeSeed("PostgreSQL", log.postgresql)}).` +
      ` Each page is the log's first page of ${log.pageSize} (rows found in brackets) read by` +
      " listExchanges, the function GET /api/exchanges calls, in a process whose DATABASE_URL" +
      ` names the database; ${log.samples} timed calls after 3 untimed ones; p50 / p95 ms.` +
      ` Baseline: the newest ${log.pageSize} rows of the whole table by its createdAt index,` +
      " through the same client with the same columns, timed call for call beside every" +
      " filter's page (all its calls in one figure); the ratio compares p95s. Opening is" +
      " getExchange over ids spread across the log.",
    describeArrival(log.arrival),
  ];
}

function describeArrival(arrival: ArrivalResult | SkippedScenario): string {
  if (isSkipped(arrival)) return `Delivery log arrival: skipped: ${arrival.skipped}.`;
  return (
    "Delivery log arrival: the built app on a fresh SQLite file (no worker, runs stay queued)," +
    " Chromium signed in on the log; one inbound 1 KB request at a time to a live Webhook" +
    " trigger; from its 202 reaching the bench to its row entering the page's DOM, both on" +
    ` this machine's clock. The page refreshes the newest page at most every` +
    ` ${arrival.refreshIntervalMs} ms (on the leading edge): requests further apart refresh at` +
    " once, closer ones wait for the interval."
  );
}

function timing(figures: CallTiming): string {
  return `${fixed(figures.p50Ms, 1)} / ${fixed(figures.p95Ms, 1)}`;
}
