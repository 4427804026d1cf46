// A worker process whose handler only reports each claim on stdout ("<job id> <attempt>"), so a
// test can see exactly which process took which job. Its first line is "ready". Claims, leases and completions go through
// the real worker against the database DATABASE_URL names.
import { createDb } from "../../../lib/db/client";
import { getConfig } from "../../../lib/env";
import { startWorker, type JobHandler } from "../../../lib/queue/worker";

const db = createDb(getConfig().database, { poolSize: 4 });
const record: JobHandler = async (job) => {
  process.stdout.write(`${job.id} ${job.attempts}\n`);
  // Holding each job a moment makes a process's own concurrency its limit, so one process that
  // keeps winning the database lock cannot empty the queue before the others get a claim in.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { type: "done" };
};
const worker = startWorker({
  db,
  handlers: { execute_run: record, attempt_delivery: record },
  leaseMs: 30_000,
  concurrency: 8,
  idlePollMs: 50,
  workerId: process.argv[2],
});
// Tells the test this process is claiming, so the jobs can be made due for all at once.
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void worker.stop(5_000).then(() => process.exit(0));
});
