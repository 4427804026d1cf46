// Measures the delivery worker against baselines taken side by side in the same run: how many
// deliveries a second it sends compared with a loop that only signs and sends, how soon an idle
// worker makes a new delivery's first attempt, how much two worker processes on one PostgreSQL
// database deliver compared with one (skipped when the server is unreachable), and how much
// memory a worker process holds while sending compared with the same process idle.
// The figures are ratios to read, not assertions: this prints them and exits 0.
//
//   node --conditions=react-server --import tsx bench/run.ts [--quick] [--json] [--only NAME]
import os from "node:os";

import { parseBenchOptions, usage, type BenchOptions } from "./bench-options";
import { prepareBenchEnvironment } from "./bench-environment";

async function main(): Promise<void> {
  let options: BenchOptions | "help";
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(usage);
    return;
  }

  // Exiting, rather than dying of the signal, runs the exit hook that stops worker processes.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
  }

  prepareBenchEnvironment();
  // Imported only now: these modules read the configuration prepared above.
  const { runScenarios } = await import("./run-scenarios");
  const { formatReport } = await import("./format-report");

  const report = await runScenarios(options, (message) => console.error(`bench: ${message}`));
  console.log(formatReport(report));
  if (options.isJson) console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
