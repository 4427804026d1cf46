import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import type { GraphNode } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";
import { spawnWorkerProcess, type WorkerProcess } from "./support/worker-process";

const DELAY_SECONDS = 3;
const workerEnv = { SWITCHYARD_JOB_LEASE_MS: "1500", SWITCHYARD_LOG_LEVEL: "info" };

let editor: TestUser;
let api: Receiver;
const arrivalTimes: number[] = [];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
  api = await startReceiver(() => {
    arrivalTimes.push(Date.now());
    return { status: 200, body: "{}" };
  });
});

afterAll(async () => {
  for (const worker of workers) worker.child.kill("SIGKILL");
  await api.close();
});

function node(id: string, type: string, config: Record<string, unknown>): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

function startWorker(): WorkerProcess {
  const worker = spawnWorkerProcess(workerEnv);
  workers.push(worker);
  return worker;
}

describe("a Delay", () => {
  it("waits without a worker, outlasts a worker restart, and the run goes on after the wait", async () => {
    const db = getDb();
    const nodes = [
      node("manual1", "manual-trigger", {}),
      node("delay1", "delay", { amount: DELAY_SECONDS, unit: "seconds" }),
      node("http1", "http-request", { method: "GET", url: `${api.url}/after-wait` }),
    ];
    const edges = [
      { id: "e1", source: "manual1", target: "delay1" },
      { id: "e2", source: "delay1", target: "http1" },
    ];
    const workflow = await createWorkflow(editor.workspaceId, "Later");
    await saveDraft(editor.workspaceId, editor.id, workflow.id, { nodes, edges });

    const first = startWorker();
    await first.waitForLog((line) => line.msg === "worker started");
    const started = await startManualRun(editor.workspaceId, editor.id, workflow.id, {});
    if (!started.ok) throw new Error(`manual run not started: ${started.reason}`);
    const waiting = await eventually(() =>
      db.step.findFirst({ where: { runId: started.runId, nodeId: "delay1", status: "waiting" } }),
    );
    const { waitUntil } = JSON.parse(waiting.output ?? "{}") as { waitUntil: string };
    const job = await eventually(() =>
      db.job.findFirst({ where: { subjectId: started.runId, status: "queued" } }),
    );
    expect(job.runAt.toISOString()).toBe(waitUntil);

    first.child.kill("SIGTERM");
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(api.requests).toHaveLength(0);
    expect(first.logLines().some((line) => line.msg === "job released at shutdown")).toBe(false);

    startWorker();
    const run = await eventually(
      () => db.run.findFirst({ where: { id: started.runId, status: "succeeded" } }),
      20_000,
    );

    expect(api.requests.map((request) => request.url)).toEqual(["/after-wait"]);
    expect(arrivalTimes[0]).toBeGreaterThanOrEqual(Date.parse(waitUntil));
    expect(run.finishedAt?.getTime()).toBeGreaterThanOrEqual(Date.parse(waitUntil));
    const delayStep = await db.step.findFirstOrThrow({
      where: { runId: started.runId, nodeId: "delay1" },
    });
    expect(delayStep.status).toBe("succeeded");
    expect(JSON.parse(delayStep.output ?? "null")).toEqual({ waitedUntil: waitUntil });
  }, 40_000);
});
