import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "@/app/hooks/[token]/route";
import { getDb } from "@/lib/db/client";
import { executeRun } from "@/lib/engine/execute-run";
import type { ExecutionEnv } from "@/lib/engine/executors/node-executor";
import { executionEnvFor } from "@/lib/engine/job-handlers";
import { getConfig } from "@/lib/env";
import type { Graph } from "@/lib/workflow/graph";
import { startReceiver, type Receiver, type Reply } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, routeParams, type TestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type RetrySettings = { retries: number; retryBackoffMs?: number; timeoutMs?: number };

/** Webhook trigger → one HTTP request node that calls `apiUrl` with the given retries. */
function apiCallGraph(apiUrl: string, settings: RetrySettings): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 150 },
        config: {
          method: "GET",
          url: `${apiUrl}/orders`,
          headers: {},
          query: {},
          body: "",
          timeoutMs: settings.timeoutMs ?? 5000,
          retries: settings.retries,
          retryBackoffMs: settings.retryBackoffMs ?? 100,
        },
      },
    ],
    edges: [{ id: "e1", source: "webhook1", target: "http1" }],
  };
}

async function receiver(reply: (index: number) => Reply): Promise<Receiver> {
  const started = await startReceiver((_request, index) => reply(index));
  cleanups.push(() => started.close());
  return started;
}

/** Activates the graph and sends it one event; returns the run id. */
async function startRun(graph: Graph): Promise<string> {
  const { token } = await createActiveWorkflow(editor, graph);
  const request = new Request(`http://localhost/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  const response = await hooks.POST(request, routeParams({ token }));
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

/** Runs the run through a real worker and returns it once it has finished. */
async function runWithWorker(runId: string) {
  const worker = startTestWorker();
  cleanups.push(() => worker.stop(5000));
  const db = getDb();
  return eventually(
    () => db.run.findFirst({ where: { id: runId, status: { in: ["succeeded", "failed"] } } }),
    20_000,
  );
}

/** Runs the run in place with an environment that records each wait instead of sleeping. */
async function runWithRecordedWaits(
  runId: string,
  env: Partial<ExecutionEnv> = {},
): Promise<number[]> {
  const waitsMs: number[] = [];
  await executeRun(runId, {
    db: getDb(),
    env: {
      ...executionEnvFor(getConfig()),
      sleep: (ms) => {
        waitsMs.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      ...env,
    },
    firstAttemptDelayMs: 0,
    maxDeliveryAttempts: 3,
  });
  return waitsMs;
}

async function apiStepOf(runId: string) {
  return getDb().step.findFirstOrThrow({ where: { runId, nodeId: "http1" } });
}

/** The step's API call exchanges as [attempt, status] pairs, in attempt order. */
async function attemptsOf(runId: string): Promise<[number | null, number | null][]> {
  const exchanges = await getDb().exchange.findMany({
    where: { runId, kind: "api_call" },
    orderBy: { attempt: "asc" },
  });
  return exchanges.map((exchange) => [exchange.attempt, exchange.responseStatus]);
}

describe("an HTTP request node with retries", () => {
  it("succeeds with the answer of a later attempt after 5xx answers, logging every attempt", async () => {
    const api = await receiver((index) =>
      index < 2 ? { status: 500 } : { status: 200, body: '{"shipment":"SHP-7"}' },
    );
    const runId = await startRun(apiCallGraph(api.url, { retries: 3 }));

    const run = await runWithWorker(runId);

    expect(run.status).toBe("succeeded");
    const step = await apiStepOf(runId);
    expect(step.status).toBe("succeeded");
    expect(step.error).toBeNull();
    expect(JSON.parse(step.output ?? "null")).toMatchObject({
      response: { status: 200, body: { shipment: "SHP-7" } },
    });
    expect(await attemptsOf(runId)).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it("fails the step and the run once the retries are used up", async () => {
    const api = await receiver(() => ({ status: 500 }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 2 }));

    const run = await runWithWorker(runId);

    expect(run.status).toBe("failed");
    expect(run.error).toBe("http1: The server answered 500; gave up after 3 attempts");
    expect((await apiStepOf(runId)).status).toBe("failed");
    expect(api.requests).toHaveLength(3);
    expect(await attemptsOf(runId)).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
  });

  it.each([404, 410, 302])("fails at once on a %i, without retrying", async (status) => {
    const api = await receiver(() => ({ status, headers: { location: "https://example.com" } }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 3 }));

    const run = await runWithWorker(runId);

    expect(run.status).toBe("failed");
    expect((await apiStepOf(runId)).error).toBe(`The server answered ${status}`);
    expect(api.requests).toHaveLength(1);
    expect(await attemptsOf(runId)).toEqual([[1, status]]);
  });

  it("waits the Retry-After of a 429 before the next attempt", async () => {
    const arrivalsMs: number[] = [];
    const api = await receiver((index) => {
      arrivalsMs.push(Date.now());
      return index === 0 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 };
    });
    const runId = await startRun(apiCallGraph(api.url, { retries: 2, retryBackoffMs: 100 }));

    const run = await runWithWorker(runId);

    expect(run.status).toBe("succeeded");
    const [first = 0, second = 0] = arrivalsMs;
    expect(second - first).toBeGreaterThanOrEqual(990);
    expect(await attemptsOf(runId)).toEqual([
      [1, 429],
      [2, 200],
    ]);
  });

  it("fails at once when Retry-After asks for longer than a step waits", async () => {
    const api = await receiver(() => ({ status: 503, headers: { "retry-after": "120" } }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 3 }));

    const waitsMs = await runWithRecordedWaits(runId);

    expect(waitsMs).toEqual([]);
    expect((await apiStepOf(runId)).error).toBe(
      "The server answered 503 and asked to wait 120 s, longer than a step waits (60 s)",
    );
    expect(api.requests).toHaveLength(1);
  });

  it("retries a server that never answers within the timeout, then fails", async () => {
    const api = await receiver(() => ({ status: 200, delayMs: 60_000 }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 1, timeoutMs: 200 }));

    const run = await runWithWorker(runId);

    expect(run.status).toBe("failed");
    expect((await apiStepOf(runId)).error).toBe(
      "No complete response within 200 ms; gave up after 2 attempts",
    );
    expect(api.requests).toHaveLength(2);
    expect(await attemptsOf(runId)).toEqual([
      [1, null],
      [2, null],
    ]);
  });

  it("doubles the wait before each retry and caps it at 60 s", async () => {
    const api = await receiver(() => ({ status: 502 }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 5, retryBackoffMs: 20_000 }));

    const waitsMs = await runWithRecordedWaits(runId);

    expect(waitsMs).toEqual([20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(api.requests).toHaveLength(6);
    expect((await attemptsOf(runId)).map(([attempt]) => attempt)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("does not retry a request the network policy refuses", async () => {
    const api = await receiver(() => ({ status: 500 }));
    const runId = await startRun(apiCallGraph(api.url, { retries: 3 }));

    const waitsMs = await runWithRecordedWaits(runId, {
      policy: { allowPrivateNetworks: false },
    });

    expect(waitsMs).toEqual([]);
    expect(api.requests).toHaveLength(0);
    expect((await apiStepOf(runId)).error).toMatch(/refuses/);
    expect(await attemptsOf(runId)).toEqual([[1, null]]);
  });
});
