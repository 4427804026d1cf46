import { parseArgs } from "node:util";

import { DEFAULT_POSTGRES_URL } from "./bench-environment";

/** What one benchmark run measures, and how much of it. */
export type BenchOptions = {
  /** Deliveries in the throughput scenario, for the worker and for the baseline each. */
  deliveries: number;
  /** Deliveries in each run of the PostgreSQL scale-out scenario (one process, two processes). */
  scaleDeliveries: number;
  /** Deliveries the worker process sends while its memory is sampled. */
  memoryDeliveries: number;
  /** Event-to-first-attempt samples, for the worker and for the baseline each. */
  latencySamples: number;
  /**
   * Jobs in flight at once for the in-process worker and the baseline; 8 is what the embedded
   * and process workers run with. Worker processes always run with their own setting.
   */
  concurrency: number;
  /** Seconds of each server's closed loop in the inbound scenario. */
  inboundSeconds: number;
  /** Seconds of the inbound overload run. */
  overloadSeconds: number;
  /** Exchanges stored in each database the delivery log is read from. */
  logExchanges: number;
  /** Measured openings of each workflow in the editor scenario. */
  editorSamples: number;
  /** The scenarios to run, in their usual order; every one unless `--only` names some. */
  scenarios: ScenarioName[];
  isJson: boolean;
  isQuick: boolean;
};

/** The scenarios by the names `--only` takes, in the order they run. */
export const scenarioNames = [
  "throughput",
  "latency",
  "scale-out",
  "memory",
  "inbound",
  "exchange-log",
  "editor",
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

const defaults = {
  deliveries: 2000,
  scaleDeliveries: 3000,
  memoryDeliveries: 100_000,
  latencySamples: 50,
  inboundSeconds: 10,
  overloadSeconds: 5,
  logExchanges: 1_000_000,
  editorSamples: 7,
};
const quickDefaults = {
  deliveries: 200,
  scaleDeliveries: 300,
  memoryDeliveries: 1000,
  latencySamples: 10,
  inboundSeconds: 2,
  overloadSeconds: 2,
  logExchanges: 50_000,
  editorSamples: 3,
};

export const usage = `Usage: node --conditions=react-server --import tsx bench/run.ts [options]

  --deliveries N         deliveries in the throughput scenario (default 2000; --quick 200)
  --scale-deliveries N   deliveries in each PostgreSQL scale-out run (default 3000; --quick 300)
  --memory-deliveries N  deliveries while the worker process's RSS is sampled
                         (default 100000; --quick 1000)
  --samples N            event-to-first-attempt samples (default 50; --quick 10)
  --inbound-seconds N    seconds of each server's closed loop in the inbound scenario
                         (default 10; --quick 2)
  --overload-seconds N   seconds of the inbound overload run (default 5; --quick 2)
  --log-exchanges N      exchanges stored in each database the delivery log scenario reads
                         (default 1000000; --quick 50000)
  --editor-samples N     measured openings of each workflow in the editor scenario
                         (default 7; --quick 3)
  --concurrency N        jobs in flight for the in-process worker and the baseline (default 8;
                         worker processes run with the setting \`npm run worker\` has)
  --only NAME[,NAME]     run only these scenarios: ${scenarioNames.join(", ")}
                         (the others are reported as skipped)
  --quick                small sizes, for a smoke run
  --json                 print one JSON object with every figure as the last line
  --help                 show this text

Environment:
  SWITCHYARD_BENCH_PG_URL  the PostgreSQL server the scale-out and delivery log scenarios
                           create their scratch databases on (default ${DEFAULT_POSTGRES_URL});
                           when it cannot be reached, their PostgreSQL parts are skipped`;

/** Parses the command line; explicit sizes win over the ones `--quick` implies. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      deliveries: { type: "string" },
      "scale-deliveries": { type: "string" },
      "memory-deliveries": { type: "string" },
      samples: { type: "string" },
      concurrency: { type: "string" },
      "inbound-seconds": { type: "string" },
      "overload-seconds": { type: "string" },
      "log-exchanges": { type: "string" },
      "editor-samples": { type: "string" },
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";

  const sizes = values.quick ? quickDefaults : defaults;
  return {
    deliveries: positiveInteger("--deliveries", values.deliveries, sizes.deliveries),
    scaleDeliveries: positiveInteger(
      "--scale-deliveries",
      values["scale-deliveries"],
      sizes.scaleDeliveries,
    ),
    memoryDeliveries: positiveInteger(
      "--memory-deliveries",
      values["memory-deliveries"],
      sizes.memoryDeliveries,
    ),
    latencySamples: positiveInteger("--samples", values.samples, sizes.latencySamples),
    concurrency: positiveInteger("--concurrency", values.concurrency, 8),
    inboundSeconds: positiveInteger(
      "--inbound-seconds",
      values["inbound-seconds"],
      sizes.inboundSeconds,
    ),
    overloadSeconds: positiveInteger(
      "--overload-seconds",
      values["overload-seconds"],
      sizes.overloadSeconds,
    ),
    logExchanges: positiveInteger("--log-exchanges", values["log-exchanges"], sizes.logExchanges),
    editorSamples: positiveInteger(
      "--editor-samples",
      values["editor-samples"],
      sizes.editorSamples,
    ),
    scenarios: selectedScenarios(values.only),
    isJson: values.json,
    isQuick: values.quick,
  };
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll("_", "").replaceAll(",", ""));
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${flag} takes a whole number above 0, got "${text}"`);
  }
  return value;
}

function selectedScenarios(text: string | undefined): ScenarioName[] {
  if (text === undefined) return [...scenarioNames];
  const names = text.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(scenarioNames as readonly string[]).includes(name)) {
      throw new Error(`--only takes ${scenarioNames.join(", ")}; got "${name}"`);
    }
  }
  return scenarioNames.filter((name) => names.includes(name));
}
