import type { BenchReport } from "./run-scenarios";

type Row = { scenario: string; figure: string; measured: string; baseline: string; ratio: string };

const header: Row = {
  scenario: "scenario",
  figure: "figure",
  measured: "worker",
  baseline: "baseline",
  ratio: "worker / baseline",
};

/** The report as a table for people, with the context each figure needs underneath. */
export function formatReport(report: BenchReport): string {
  const { deliveryThroughput: throughput, firstAttemptLatency: latency } = report;
  const memory = report.workerMemory;
  const rows: Row[] = [
    {
      scenario: `delivery throughput (${throughput.deliveries})`,
      figure: "deliveries/s",
      measured: fixed(throughput.worker.deliveriesPerSecond, 0),
      baseline: fixed(throughput.baseline.deliveriesPerSecond, 0),
      ratio: `${fixed(throughput.ratio * 100, 1)}%`,
    },
    {
      scenario: `event to first attempt (${latency.samples})`,
      figure: "p50 ms",
      measured: fixed(latency.worker.p50Ms, 1),
      baseline: fixed(latency.baseline.p50Ms, 1),
      ratio: `${fixed(latency.ratioP50, 1)}x`,
    },
    {
      scenario: "",
      figure: "p95 ms",
      measured: fixed(latency.worker.p95Ms, 1),
      baseline: fixed(latency.baseline.p95Ms, 1),
      ratio: `${fixed(latency.ratioP95, 1)}x`,
    },
    {
      scenario: `worker memory (${memory.deliveries})`,
      figure: "peak RSS MB",
      measured: fixed(memory.peakRssMb, 0),
      baseline: fixed(memory.baselineRssMb, 0),
      ratio: `${fixed(memory.ratio, 2)}x`,
    },
  ];

  return [...formatTable([header, ...rows]), "", ...describeContext(report)].join("\n");
}

/** What a reader needs to judge the figures: counts, durations, memory trend and load. */
function describeContext(report: BenchReport): string[] {
  const { deliveryThroughput: throughput, firstAttemptLatency: latency } = report;
  const { workerMemory: memory, machine } = report;
  const worker = `${throughput.worker.delivered} in ${fixed(throughput.worker.seconds, 1)} s`;
  const baseline = `${throughput.baseline.delivered} in ${fixed(throughput.baseline.seconds, 1)} s`;
  const progress = memory.rssMbAtProgress;
  const rssTrend = [progress.quarter, progress.half, progress.threeQuarters, progress.all]
    .map((mb) => fixed(mb, 0))
    .join(" / ");
  const loadAverages = [machine.loadAverage1mAtStart, machine.loadAverage1mAtEnd]
    .map((load) => fixed(load, 2))
    .join(" at start, ");

  return [
    `Concurrency ${report.options.concurrency} for worker and baseline alike.`,
    "Baselines: throughput and latency send the same signed requests through sendRequest and" +
      " store nothing; memory is the RSS just before the worker starts.",
    `Throughput: worker delivered ${worker}, baseline ${baseline};` +
      ` storing the deliveries took ${fixed(throughput.seedSeconds, 1)} s.`,
    `Latency max: worker ${fixed(latency.worker.maxMs, 1)} ms,` +
      ` baseline ${fixed(latency.baseline.maxMs, 1)} ms.`,
    `Memory: ${memory.delivered} delivered at ${fixed(memory.deliveriesPerSecond, 0)}/s over` +
      ` ${fixed(memory.seconds, 1)} s; RSS MB at 25/50/75/100% done: ${rssTrend};` +
      ` peak heap used ${fixed(memory.peakHeapUsedMb, 0)} MB.`,
    `Machine: ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}, load average` +
      ` (1 min) ${loadAverages} at end. The receiver and the baseline run in this process, on` +
      " the same cores as the worker.",
  ];
}

function formatTable(rows: readonly Row[]): string[] {
  const columns = ["scenario", "figure", "measured", "baseline", "ratio"] as const;
  const widths = columns.map((column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: Row) =>
    columns
      .map((column, index) => {
        const width = widths[index] ?? 0;
        return index < 2 ? row[column].padEnd(width) : row[column].padStart(width);
      })
      .join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  const [first, ...rest] = rows;
  return first ? [line(first), rule, ...rest.map(line)] : [];
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
