import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as hooks from "@/app/hooks/[token]/route";
import { getDb } from "@/lib/db/client";
import type { Graph } from "@/lib/workflow/graph";
import { orderGraph } from "./support/graphs";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, routeParams } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

const root = path.resolve(import.meta.dirname, "../..");
const receivers: Receiver[] = [];
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill("SIGKILL");
  await Promise.all(receivers.map((r) => r.close()));
});

/** webhook1 → http1 (fast) → http2 (slow) → send1: a crash during http2 must not repeat http1. */
function slowSecondCallGraph(fastUrl: string, slowUrl: string, hookUrl: string): Graph {
  const base = orderGraph(fastUrl, hookUrl);
  const http1 = base.nodes.find((n) => n.id === "http1");
  if (!http1) throw new Error("fixture changed");
  const http2 = { ...http1, id: "http2", config: { ...http1.config, url: `${slowUrl}/slow` } };
  const send1 = base.nodes.find((n) => n.id === "send1");
  if (!send1) throw new Error("fixture changed");
  return {
    nodes: [...base.nodes.filter((n) => n.id !== "send1"), http2, send1],
    edges: [
      { id: "e1", source: "webhook1", target: "http1" },
      { id: "e2", source: "http1", target: "http2" },
      { id: "e3", source: "http2", target: "send1" },
    ],
  };
}

function startWorkerProcess(): ChildProcess {
  // One process, not the tsx launcher and a child: SIGKILL must hit the worker itself.
  return spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        SWITCHYARD_JOB_LEASE_MS: "1500",
        SWITCHYARD_DELIVERY_SCHEDULE_MS: "100",
      },
      stdio: "ignore",
    },
  );
}

describe("a worker killed in the middle of a run", () => {
  it("leaves a run that another worker resumes after the lease, repeating only the step in flight", async () => {
    const fast = await startReceiver(() => ({
      status: 200,
      body: JSON.stringify({ shipment: "SHP-7" }),
    }));
    const slow = await startReceiver((_request, index) => ({
      status: 200,
      body: JSON.stringify({ shipment: "SHP-7" }),
      delayMs: index === 0 ? 60_000 : 0,
    }));
    const hook = await startReceiver(() => ({ status: 200 }));
    receivers.push(fast, slow, hook);

    const editor = await createTestUser("editor");
    const { token } = await createActiveWorkflow(
      editor,
      slowSecondCallGraph(fast.url, slow.url, hook.url),
    );
    child = startWorkerProcess();

    const request = new Request(`http://localhost/hooks/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"order":{"id":"R-1"}}',
    });
    const response = await hooks.POST(request, routeParams({ token }));
    const { runId } = (await response.json()) as { runId: string };

    await slow.waitForRequests(1, 20_000);
    child.kill("SIGKILL");
    const db = getDb();
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");

    const survivor = startTestWorker({ leaseMs: 1500 });
    try {
      await hook.waitForRequests(1, 20_000);
      const run = await eventually(
        () => db.run.findFirst({ where: { id: runId, status: "succeeded" } }),
        20_000,
      );
      expect(run.error).toBeNull();
      expect(fast.requests).toHaveLength(1);
      expect(slow.requests).toHaveLength(2);
      const steps = await db.step.findMany({ where: { runId }, orderBy: { position: "asc" } });
      expect(steps.map((s) => s.nodeId)).toEqual(["webhook1", "http1", "http2", "send1"]);
    } finally {
      await survivor.stop(5000);
    }
  }, 60_000);
});
