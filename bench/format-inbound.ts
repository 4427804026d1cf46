import type { InboundResult } from "./inbound-ingest";
import { fixed, percent, skippedRow, type ReportRow } from "./report-table";
import { isSkipped, type SkippedScenario } from "./skipped-scenario";

const SCENARIO = "inbound webhooks";
const OVERLOAD = "inbound overload";

/** The inbound scenario's rows: capacity against the baseline, then the overload run. */
export function inboundRows(inbound: InboundResult | SkippedScenario): ReportRow[] {
  if (isSkipped(inbound)) return [skippedRow(SCENARIO, "acknowledged/s")];
  const { switchyard, baseline, overload } = inbound;
  const row = (figure: string, cells: Partial<ReportRow>): ReportRow => ({
    scenario: "",
    figure,
    measured: "",
    baseline: "",
    ratio: "",
    target: "",
    ...cells,
  });
  const latencyRatio = (p: "p50Ms" | "p99Ms") => `${fixed(switchyard[p] / baseline[p], 1)}x`;
  const rss = overload.memory;

  return [
    row("acknowledged/s", {
      scenario: `${SCENARIO} (${inbound.connections} conn, ${inbound.seconds} s)`,
      measured: fixed(switchyard.acknowledgedPerSecond, 0),
      baseline: fixed(baseline.acknowledgedPerSecond, 0),
      ratio: percent(inbound.ratio),
      target: `≥ ${fixed(inbound.targetRatio * 100, 0)}%`,
    }),
    row("ack p50 ms", {
      measured: fixed(switchyard.p50Ms, 1),
      baseline: fixed(baseline.p50Ms, 1),
      ratio: latencyRatio("p50Ms"),
    }),
    row("ack p99 ms", {
      measured: fixed(switchyard.p99Ms, 1),
      baseline: fixed(baseline.p99Ms, 1),
      ratio: latencyRatio("p99Ms"),
      target: `p99 < ${inbound.targetP99Ms} ms`,
    }),
    row("server CPU µs/ack", {
      measured: fixedOrNa(switchyard.cpuMicrosecondsPerAcknowledged),
      baseline: fixedOrNa(baseline.cpuMicrosecondsPerAcknowledged),
      ratio: ratioOrNa(
        switchyard.cpuMicrosecondsPerAcknowledged,
        baseline.cpuMicrosecondsPerAcknowledged,
      ),
    }),
    row("acked, not stored", {
      measured: String(switchyard.check.missing),
      baseline: String(baseline.check.missing),
      target: "0",
    }),
    row("202 / 429 / 503", {
      scenario: `${OVERLOAD} (${fixed(overload.targetPerSecond, 0)}/s, ${overload.seconds} s)`,
      measured: [overload.shares.accepted, overload.shares.rateLimited, overload.shares.shed]
        .map(percent)
        .join(" / "),
    }),
    row("over 1 s / no answer", {
      measured: `${overload.answeredAfterOneSecond} / ${overload.unanswered}`,
    }),
    row("p99 ms, all answers", { measured: fixed(overload.p99Ms, 1) }),
    rss
      ? row("peak RSS MB", {
          measured: fixed(rss.peakSampledRssMb, 0),
          baseline: `${fixed(rss.rssBeforeMb, 0)} before`,
          ratio: `${fixed(rss.peakSampledRssMb / rss.rssBeforeMb, 2)}x`,
        })
      : row("peak RSS MB", { measured: "skipped" }),
    row("202, not stored", { measured: String(overload.check.missing), target: "0" }),
  ];
}

/** What the inbound figures mean and what else the runs saw. */
export function describeInbound(inbound: InboundResult | SkippedScenario): string[] {
  if (isSkipped(inbound)) return [`Inbound: skipped: ${inbound.skipped}.`];
  const { switchyard, baseline, overload } = inbound;
  const rss = overload.memory;
  return [
    `Inbound: ${inbound.connections} keep-alive connections in a closed loop, each sending` +
      ` ${inbound.bodyBytes}-byte JSON POSTs for ${inbound.seconds} s after a` +
      ` ${inbound.warmUpSeconds} s warm-up, to each server in a process of its own. Switchyard` +
      " is the lean server `npm start` runs, on a fresh SQLite file (WAL, synchronous FULL," +
      " group commit) with one live Webhook trigger (verification none); the embedded worker is" +
      " off (SWITCHYARD_EMBEDDED_WORKER=0) and no worker runs, so runs stay queued and only" +
      " ingest is measured. Baseline: plain node:http, one prepared better-sqlite3 insert per" +
      " request (WAL, synchronous NORMAL), 202.",
    `Inbound answers: Switchyard ${describeSide(switchyard)}; baseline ${describeSide(baseline)}.` +
      ` Every acknowledged request, warm-up included, was looked up afterwards: Switchyard` +
      ` ${switchyard.check.acknowledged} (exchange body, the answered run id and its Run row),` +
      ` baseline ${baseline.check.acknowledged} (stored body); missing` +
      ` ${switchyard.check.missing} and ${baseline.check.missing}.`,
    `Inbound overload: open loop at ${overload.capacityMultiple}x the measured capacity,` +
      ` ${fixed(overload.targetPerSecond, 0)}/s for ${overload.seconds} s (offered` +
      ` ${fixed(overload.offeredPerSecond, 0)}/s), over ${overload.connections}` +
      " keep-alive connections opened beforehand; answers by status" +
      ` ${describeCounts(overload.byStatus)}; p50 ${fixed(overload.p50Ms, 1)} ms, p99` +
      ` ${fixed(overload.p99Ms, 1)} ms, max ${fixed(overload.maxMs, 0)} ms from when each request` +
      ` was due; no answer ${overload.unanswered}${describeFailures(overload.failedByReason)};` +
      ` ${overload.check.acknowledged} acknowledged, ${overload.check.missing} not stored;` +
      ` CPU in cores: server ${fixedOrNa(overload.cpuCores.server, 2)}, load generator` +
      ` ${fixed(overload.cpuCores.loadGenerator, 2)}.` +
      (rss
        ? ` Server RSS ${fixed(rss.rssBeforeMb, 0)} MB before, highest sample` +
          ` ${fixed(rss.peakSampledRssMb, 0)} MB, VmHWM ${fixed(rss.peakRssMb, 0)} MB` +
          " (startup and capacity run included)."
        : " Server memory not read: this system has no /proc."),
    `Inbound targets: at least ${fixed(inbound.targetRatio * 100, 0)}% of the baseline's` +
      ` acknowledged requests/s, and p99 ack latency under ${inbound.targetP99Ms} ms. Server CPU` +
      " µs/ack is each server process's CPU time over its measured run per acknowledged request;" +
      " unlike the rates, it holds up when other work on the machine takes cores away.",
  ];
}

function describeSide(side: InboundResult["baseline"]): string {
  return (
    `${side.acknowledged} acknowledged in ${fixed(side.seconds, 1)} s, max` +
    ` ${fixed(side.maxMs, 1)} ms, other answers ${describeCounts(side.refusedByStatus)}` +
    describeFailures(side.failedByReason)
  );
}

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return "none";
  return entries.map(([key, count]) => `${key}: ${count}`).join(", ");
}

function describeFailures(failures: Record<string, number>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? "" : `, failed (${describeCounts(failures)})`;
}

function fixedOrNa(value: number | null, digits = 0): string {
  return value === null ? "n/a" : fixed(value, digits);
}

function ratioOrNa(measured: number | null, baseline: number | null): string {
  return measured === null || baseline === null ? "" : `${fixed(measured / baseline, 1)}x`;
}
