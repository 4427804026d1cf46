import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { eventually } from "./support/run-worker";

const root = path.resolve(import.meta.dirname, "../..");
const WORKERS = 4;
// PostgreSQL is where several workers run at scale; SQLite serialises writers, so it gets a
// smaller batch that still makes four processes contend for every claim.
const JOBS = getConfig().database.kind === "postgresql" ? 10_000 : 2_000;

function spawnRecorder(workerId: string) {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/integration/support/claim-recorder.ts",
      workerId,
    ],
    { cwd: root, env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = () => output.split("\n").filter(Boolean);
  return {
    child,
    exited,
    isReady: () => lines()[0] === "ready",
    claims: () => lines().slice(1),
  };
}

describe(`${WORKERS} worker processes on one queue`, () => {
  it(`take ${JOBS.toLocaleString("en")} jobs with none claimed twice`, async () => {
    const db = getDb();
    // Not due until every process is up, so all four contend from the first claim.
    const runAt = new Date(Date.now() + 3_600_000);
    for (let start = 0; start < JOBS; start += 1000) {
      await db.job.createMany({
        data: Array.from({ length: Math.min(1000, JOBS - start) }, (_, i) => ({
          kind: "attempt_delivery",
          subjectId: `subject-${start + i}`,
          runAt,
        })),
      });
    }

    const workers = Array.from({ length: WORKERS }, (_, i) => spawnRecorder(`recorder-${i}`));
    await eventually(async () => workers.every((worker) => worker.isReady()), 60_000);
    await db.job.updateMany({ data: { runAt: new Date() } });
    const deadline = Date.now() + 240_000;
    while ((await db.job.count({ where: { status: "done" } })) < JOBS) {
      if (Date.now() > deadline) throw new Error("the workers did not finish the queue in time");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0, 0, 0]);

    const claims = workers.flatMap((worker) => worker.claims());
    const ids = claims.map((line) => line.split(" ")[0]);
    expect(claims).toHaveLength(JOBS);
    expect(new Set(ids).size).toBe(JOBS);
    expect(claims.every((line) => line.endsWith(" 1"))).toBe(true);
    console.log("claims per process:", workers.map((w) => w.claims().length).join(" "));
    // Every process took part: the claims were contended, not taken by one fast worker.
    for (const worker of workers) expect(worker.claims().length).toBeGreaterThan(0);

    const jobs = await db.job.groupBy({ by: ["status", "attempts"], _count: { _all: true } });
    expect(jobs).toEqual([{ status: "done", attempts: 1, _count: { _all: JOBS } }]);
  }, 300_000);
});
