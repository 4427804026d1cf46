import type { ThroughputResult } from "./delivery-throughput";
import type { LatencyResult } from "./first-attempt-latency";
import { describeEditor, editorRows } from "./format-editor";
import { describeExchangeLog, exchangeLogRows } from "./format-exchange-log";
import { describeInbound, inboundRows } from "./format-inbound";
import type { ScaleOutPair, ScaleOutResult } from "./postgres-scale-out";
import { fixed, formatTable, percent, skippedRow, type ReportRow } from "./report-table";
import type { BenchReport } from "./run-scenarios";
import { isSkipped, type SkippedScenario } from "./skipped-scenario";
import type { MemoryResult } from "./worker-memory";

/** The report as a table for people, with the context each figure needs underneath. */
export function formatReport(report: BenchReport): string {
  const rows: ReportRow[] = [
    ...throughputRows(report.deliveryThroughput),
    ...latencyRows(report.firstAttemptLatency),
    ...scaleOutRows(report.postgresScaleOut),
    memoryRow(report.workerMemory),
    ...inboundRows(report.inboundIngest),
    ...exchangeLogRows(report.exchangeLog),
    ...editorRows(report.editor),
  ];

  return [...formatTable(rows), "", ...describeContext(report)].join("\n");
}

function throughputRows(throughput: ThroughputResult | SkippedScenario): ReportRow[] {
  const scenario = "delivery throughput";
  if (isSkipped(throughput)) return [skippedRow(scenario, "deliveries/s")];
  return [
    {
      scenario: `${scenario} (${throughput.deliveries})`,
      figure: "deliveries/s",
      measured: fixed(throughput.worker.deliveriesPerSecond, 0),
      baseline: fixed(throughput.baseline.deliveriesPerSecond, 0),
      ratio: percent(throughput.ratio),
      target: "",
    },
  ];
}

function latencyRows(latency: LatencyResult | SkippedScenario): ReportRow[] {
  const scenario = "event to first attempt";
  if (isSkipped(latency)) return [skippedRow(scenario, "p50 ms")];
  return [
    {
      scenario: `${scenario} (${latency.samples})`,
      figure: "p50 ms",
      measured: fixed(latency.worker.p50Ms, 1),
      baseline: fixed(latency.baseline.p50Ms, 1),
      ratio: `${fixed(latency.ratioP50, 1)}x`,
      target: "",
    },
    {
      scenario: "",
      figure: "p95 ms",
      measured: fixed(latency.worker.p95Ms, 1),
      baseline: fixed(latency.baseline.p95Ms, 1),
      ratio: `${fixed(latency.ratioP95, 1)}x`,
      target: "",
    },
  ];
}

function scaleOutRows(scaleOut: ScaleOutResult): ReportRow[] {
  const scenario = "PostgreSQL scale-out";
  const figure = "deliveries/s";
  if (isSkipped(scaleOut)) return [skippedRow(scenario, figure)];
  const target = `≥ ${fixed(scaleOut.targetRatio, 1)}x`;
  const row = (pair: ScaleOutPair, label: string): ReportRow => ({
    scenario: `${label} (${pair.deliveries} each)`,
    figure,
    measured: fixed(pair.twoProcesses.deliveriesPerSecond, 0),
    baseline: fixed(pair.oneProcess.deliveriesPerSecond, 0),
    ratio: `${fixed(pair.ratio, 2)}x`,
    target,
  });
  const slow = scaleOut.slowReceiver;
  return [row(scaleOut, scenario), row(slow, `  receiver answering in ${slow.answerDelayMs} ms`)];
}

function memoryRow(memory: MemoryResult): ReportRow {
  const scenario = "worker process memory";
  const figure = "peak RSS MB";
  if (isSkipped(memory)) return skippedRow(scenario, figure);
  return {
    scenario: `${scenario} (${memory.deliveries})`,
    figure,
    measured: fixed(memory.peakRssMb, 0),
    baseline: fixed(memory.baselineRssMb, 0),
    ratio: `${fixed(memory.ratio, 2)}x`,
    target: `≤ ${memory.targetPeakRssMb} MB`,
  };
}

/** What a reader needs to judge the figures: counts, durations, memory trend, targets, load. */
function describeContext(report: BenchReport): string[] {
  const { machine } = report;
  const loadAverages = [machine.loadAverage1mAtStart, machine.loadAverage1mAtEnd]
    .map((load) => fixed(load, 2))
    .join(" at start, ");

  return [
    `Concurrency ${report.options.concurrency} for the in-process worker and the baseline alike;` +
      " worker processes run as `npm run worker` runs them, logging at info.",
    "Baselines: throughput and latency send the same signed requests through" +
      " sendSignedDelivery and store nothing; scale-out measures two worker processes against" +
      " one; memory compares the worker process's peak RSS with its RSS once started and idle.",
    describeThroughput(report.deliveryThroughput),
    describeLatency(report.firstAttemptLatency),
    describeScaleOut(report.postgresScaleOut),
    describeMemory(report.workerMemory),
    ...describeInbound(report.inboundIngest),
    ...describeExchangeLog(report.exchangeLog),
    describeEditor(report.editor),
    `Machine: ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}, load average` +
      ` (1 min) ${loadAverages} at end. The receiver, the baselines, the in-process worker and` +
      " the inbound load generator run in the benchmark's process; worker processes, inbound" +
      " servers and a local PostgreSQL share its cores.",
  ];
}

function describeThroughput(throughput: ThroughputResult | SkippedScenario): string {
  if (isSkipped(throughput)) return `Throughput: skipped: ${throughput.skipped}.`;
  const worker = `${throughput.worker.delivered} in ${fixed(throughput.worker.seconds, 1)} s`;
  const baseline = `${throughput.baseline.delivered} in ${fixed(throughput.baseline.seconds, 1)} s`;
  return (
    `Throughput: worker delivered ${worker}, baseline ${baseline};` +
    ` storing the deliveries took ${fixed(throughput.seedSeconds, 1)} s.`
  );
}

function describeLatency(latency: LatencyResult | SkippedScenario): string {
  if (isSkipped(latency)) return `Latency: skipped: ${latency.skipped}.`;
  return (
    `Latency max: worker ${fixed(latency.worker.maxMs, 1)} ms,` +
    ` baseline ${fixed(latency.baseline.maxMs, 1)} ms.`
  );
}

function describeScaleOut(scaleOut: ScaleOutResult): string {
  if (isSkipped(scaleOut)) return `Scale-out: skipped: ${scaleOut.skipped}.`;
  const describePair = ({ oneProcess, twoProcesses, answerDelayMs }: ScaleOutPair) =>
    `to a receiver answering ${answerDelayMs === 0 ? "at once" : `in ${answerDelayMs} ms`},` +
    ` one worker process delivered ${oneProcess.delivered} in` +
    ` ${fixed(oneProcess.seconds, 1)} s, two delivered ${twoProcesses.delivered} in` +
    ` ${fixed(twoProcesses.seconds, 1)} s (storing them took` +
    ` ${fixed(oneProcess.seedSeconds, 1)} s and ${fixed(twoProcesses.seedSeconds, 1)} s)`;
  return (
    `Scale-out: ${describePair(scaleOut)}; ${describePair(scaleOut.slowReceiver)};` +
    ` target: two processes ≥ ${fixed(scaleOut.targetRatio, 1)}x one.`
  );
}

function describeMemory(memory: MemoryResult): string {
  if (isSkipped(memory)) return `Memory: skipped: ${memory.skipped}.`;
  const progress = memory.rssMbAtProgress;
  const rssTrend = [progress.quarter, progress.half, progress.threeQuarters, progress.all]
    .map((mb) => fixed(mb, 0))
    .join(" / ");
  return (
    `Memory: one worker process on SQLite delivered ${memory.delivered} at` +
    ` ${fixed(memory.deliveriesPerSecond, 0)}/s over ${fixed(memory.seconds, 1)} s;` +
    ` RSS MB at 25/50/75/100% done: ${rssTrend}; highest sample` +
    ` ${fixed(memory.peakSampledRssMb, 0)} MB, peak (VmHWM, startup included)` +
    ` ${fixed(memory.peakRssMb, 0)} MB; target: peak RSS ≤ ${memory.targetPeakRssMb} MB.`
  );
}
