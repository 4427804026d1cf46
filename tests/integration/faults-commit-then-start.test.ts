import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ingestEvents, messageIdOf, relayGraph } from "./support/fault-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";
import { spawnWorkerProcess, type WorkerProcess } from "./support/worker-process";

const EVENTS = 5;
let worker: WorkerProcess | undefined;
let receiver: Receiver | undefined;

afterAll(async () => {
  worker?.child.kill("SIGKILL");
  await receiver?.close();
});

describe("events acknowledged while no worker runs", () => {
  it("are all run and delivered, once each, by the next worker to start", async () => {
    const db = getDb();
    receiver = await startReceiver(() => ({ status: 200 }));
    const editor = await createTestUser("editor");
    const { token } = await createActiveWorkflow(editor, relayGraph(receiver.url));

    // Each 202 means the run and its job are committed; nothing has picked them up yet.
    const runIds = await ingestEvents(token, EVENTS);
    expect(await db.job.count({ where: { kind: "execute_run", status: "queued" } })).toBe(EVENTS);
    expect(await db.delivery.count()).toBe(0);

    const startedAt = Date.now();
    worker = spawnWorkerProcess({ SWITCHYARD_JOB_LEASE_MS: "1500" });
    await eventually(
      async () => (await db.delivery.count({ where: { status: "delivered" } })) === EVENTS,
      20_000,
    );
    const doneMs = Date.now() - startedAt;
    worker.child.kill("SIGTERM");
    expect((await worker.exited).code).toBe(0);

    const runs = await db.run.findMany({ where: { id: { in: runIds } } });
    expect(runs.map((run) => run.status)).toEqual(Array(EVENTS).fill("succeeded"));
    const deliveries = await db.delivery.findMany({ select: { messageId: true } });
    const received = receiver.requests.map((request) => messageIdOf(request.headers));
    expect(received.toSorted()).toEqual(deliveries.map((d) => d.messageId).toSorted());
    expect(await db.job.count({ where: { status: { not: "done" } } })).toBe(0);

    console.info(`commit then start: ${EVENTS} runs delivered ${doneMs} ms after the spawn`);
  }, 40_000);
});
