import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import { subscribe } from "@/lib/events/event-bus";
import { readRunAnswer, waitForRunAnswer } from "@/lib/ingest/run-answer";
import type { GraphNode } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { startReceiver, type Receiver, type Reply } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function worker(): void {
  const started = startTestWorker();
  cleanups.push(() => started.stop(10_000));
}

async function receiver(reply: () => Reply): Promise<Receiver> {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

/** A loopback port that nothing listens on, so a request to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function respondNode(id: string, config: Record<string, unknown>): GraphNode {
  return { id, type: "respond", position: { x: 0, y: 0 }, config };
}

function httpNode(id: string, url: string): GraphNode {
  const config = { method: "GET", url, headers: {}, query: {}, body: "", timeoutMs: 5000 };
  return { id, type: "http-request", position: { x: 0, y: 0 }, config: { ...config, retries: 0 } };
}

/**
 * Saves manual trigger → `nodes`, in a chain, and starts a manual run with `payload` as the
 * trigger's body; returns the run's id.
 */
async function startChain(nodes: GraphNode[], payload: unknown = {}): Promise<string> {
  const trigger: GraphNode = {
    id: "manual1",
    type: "manual-trigger",
    position: { x: 0, y: 0 },
    config: { testPayload: "{}" },
  };
  const chain = [trigger, ...nodes];
  const edges = chain.slice(1).map((node, index) => ({
    id: `e${index + 1}`,
    source: chain[index]?.id ?? "",
    target: node.id,
  }));
  const workflow = await createWorkflow(editor.workspaceId, "Answers");
  await saveDraft(editor.workspaceId, editor.id, workflow.id, { nodes: chain, edges });
  const started = await startManualRun(editor.workspaceId, editor.id, workflow.id, payload);
  if (!started.ok) throw new Error(`manual run not started: ${started.reason}`);
  return started.runId;
}

function waitFor(runId: string, timeoutMs = 10_000, signal?: AbortSignal) {
  return waitForRunAnswer({
    db: getDb(),
    runId,
    workspaceId: editor.workspaceId,
    timeoutMs,
    signal,
  });
}

async function finishedRun(runId: string) {
  return eventually(() =>
    getDb().run.findFirst({ where: { id: runId, status: { in: ["succeeded", "failed"] } } }),
  );
}

describe("a Respond node", () => {
  it("answers with its status, its headers and its body rendered from the trigger data", async () => {
    const runId = await startChain(
      [
        respondNode("respond1", {
          status: 201,
          headers: { "x-order": "{{trigger.body.order}}" },
          body: '{"order": "{{trigger.body.order}}", "accepted": true}',
        }),
      ],
      { order: "A-17" },
    );

    const waiting = waitFor(runId);
    worker();

    expect(await waiting).toEqual({
      status: 201,
      headers: { "x-order": "A-17", "content-type": "application/json" },
      body: '{"order":"A-17","accepted":true}',
    });
  });

  it("wakes the waiter through its event, well before the fallback re-check", async () => {
    const runId = await startChain([respondNode("respond1", {})]);
    let respondedAt = 0;
    const unsubscribe = subscribe(({ event }) => {
      if (event.type === "run.responded" && event.id === runId) respondedAt = Date.now();
    });
    cleanups.push(async () => unsubscribe());

    const waiting = waitFor(runId);
    worker();
    const answer = await waiting;
    const answeredAt = Date.now();

    expect(answer?.body).toBe('{\n  "received": true\n}');
    expect(respondedAt).toBeGreaterThan(0);
    expect(answeredAt - respondedAt).toBeLessThan(500);
  });

  it("answers while the nodes after it are still running", async () => {
    const slow = await receiver(() => ({ status: 200, body: "{}", delayMs: 2000 }));
    const runId = await startChain([
      respondNode("respond1", { status: 200, body: '{"queued": true}' }),
      httpNode("http1", `${slow.url}/slow`),
    ]);
    worker();

    const answer = await waitFor(runId);
    const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });

    expect(answer?.body).toBe('{"queued": true}');
    expect(run.status).toBe("running");
    expect((await finishedRun(runId)).status).toBe("succeeded");
  });

  it("keeps the first answer when a run reaches two Respond nodes", async () => {
    const runId = await startChain([
      respondNode("respond1", { status: 200, body: '{"first": true}' }),
      respondNode("respond2", { status: 409, body: '{"second": true}' }),
    ]);
    worker();
    await finishedRun(runId);

    const answer = await readRunAnswer(getDb(), runId);
    const second = await getDb().step.findFirstOrThrow({
      where: { runId, nodeId: "respond2" },
    });

    expect(answer).toMatchObject({ status: 200, body: '{"first": true}' });
    expect(second.status).toBe("succeeded");
    expect(JSON.parse(second.output ?? "null")).toMatchObject({ status: 409 });
  });

  it("labels a body that is not JSON as plain text and leaves a given content type alone", async () => {
    const runId = await startChain(
      [
        respondNode("respond1", { body: "thanks, {{trigger.body.name}}" }),
        respondNode("respond2", { headers: { "Content-Type": "text/csv" }, body: "a,b" }),
      ],
      { name: "Ada" },
    );
    worker();
    await finishedRun(runId);

    const steps = await getDb().step.findMany({
      where: { runId, nodeType: "respond" },
      orderBy: { position: "asc" },
    });

    expect(steps.map((step): unknown => JSON.parse(step.output ?? "null"))).toEqual([
      {
        status: 200,
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: "thanks, Ada",
      },
      { status: 200, headers: { "Content-Type": "text/csv" }, body: "a,b" },
    ]);
  });
});

describe("a run without a Respond node", () => {
  it("answers 200 with the last step's output as JSON", async () => {
    const api = await receiver(() => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{"shipment": "SHP-4"}',
    }));
    const runId = await startChain([httpNode("http1", `${api.url}/orders`)]);
    worker();

    const answer = await waitFor(runId);

    expect(answer).toMatchObject({ status: 200, headers: { "content-type": "application/json" } });
    const output = JSON.parse(answer?.body ?? "null") as { response: unknown };
    expect(output.response).toMatchObject({ status: 200, body: { shipment: "SHP-4" } });
  });

  it("answers 500 run_failed with the run id when a step fails", async () => {
    const port = await closedPort();
    const runId = await startChain([
      httpNode("http1", `http://127.0.0.1:${port}/down`),
      respondNode("respond1", {}),
    ]);
    worker();

    const answer = await waitFor(runId);

    expect(answer).toMatchObject({ status: 500, headers: { "content-type": "application/json" } });
    expect(JSON.parse(answer?.body ?? "null")).toEqual({
      error: { code: "run_failed", message: "The run failed at step http1" },
      runId,
    });
  });
});

describe("waiting for a run's answer", () => {
  it("gives up with null after the timeout while no worker executes the run", async () => {
    const runId = await startChain([respondNode("respond1", {})]);
    const startedAt = Date.now();

    const answer = await waitFor(runId, 400);
    const waitedMs = Date.now() - startedAt;

    expect(answer).toBeNull();
    expect(waitedMs).toBeGreaterThanOrEqual(390);
    expect(waitedMs).toBeLessThan(1500);
  });

  it("stops with null as soon as its signal aborts", async () => {
    const runId = await startChain([respondNode("respond1", {})]);
    const controller = new AbortController();
    const startedAt = Date.now();
    setTimeout(() => controller.abort(), 100);

    const answer = await waitFor(runId, 10_000, controller.signal);

    expect(answer).toBeNull();
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it("returns at once when the answer is already stored", async () => {
    const runId = await startChain([respondNode("respond1", { status: 202 })]);
    worker();
    await finishedRun(runId);
    const startedAt = Date.now();

    const answer = await waitFor(runId);

    expect(answer?.status).toBe(202);
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it("does not read a run of another workspace", async () => {
    const runId = await startChain([respondNode("respond1", {})]);
    worker();
    await finishedRun(runId);
    const stranger = await createTestUser("editor");

    expect(await readRunAnswer(getDb(), runId, stranger.workspaceId)).toBeNull();
    expect(await readRunAnswer(getDb(), runId, editor.workspaceId)).not.toBeNull();
  });
});
