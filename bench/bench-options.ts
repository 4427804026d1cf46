import { parseArgs } from "node:util";

/** What one benchmark run measures, and how much of it. */
export type BenchOptions = {
  /** Deliveries in the throughput scenario, for the worker and for the baseline each. */
  deliveries: number;
  /** Deliveries the worker sends while its memory is sampled. */
  memoryDeliveries: number;
  /** Event-to-first-attempt samples, for the worker and for the baseline each. */
  latencySamples: number;
  /** Jobs in flight at once; 8 is what the embedded and process workers run with. */
  concurrency: number;
  isJson: boolean;
  isQuick: boolean;
};

const defaults = { deliveries: 2000, memoryDeliveries: 20_000, latencySamples: 50 };
const quickDefaults = { deliveries: 200, memoryDeliveries: 1000, latencySamples: 10 };

export const usage = `Usage: node --conditions=react-server --import tsx bench/run.ts [options]

  --deliveries N         deliveries in the throughput scenario (default 2000; --quick 200)
  --memory-deliveries N  deliveries while RSS is sampled (default 20000; --quick 1000)
  --samples N            event-to-first-attempt samples (default 50; --quick 10)
  --concurrency N        jobs in flight, worker and baseline alike (default 8)
  --quick                small sizes, for a smoke run
  --json                 print one JSON object with every figure as the last line
  --help                 show this text`;

/** Parses the command line; explicit sizes win over the ones `--quick` implies. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      deliveries: { type: "string" },
      "memory-deliveries": { type: "string" },
      samples: { type: "string" },
      concurrency: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";

  const sizes = values.quick ? quickDefaults : defaults;
  return {
    deliveries: positiveInteger("--deliveries", values.deliveries, sizes.deliveries),
    memoryDeliveries: positiveInteger(
      "--memory-deliveries",
      values["memory-deliveries"],
      sizes.memoryDeliveries,
    ),
    latencySamples: positiveInteger("--samples", values.samples, sizes.latencySamples),
    concurrency: positiveInteger("--concurrency", values.concurrency, 8),
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
