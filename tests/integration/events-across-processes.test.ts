import { afterAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { subscribe } from "@/lib/events/event-bus";
import { ingestEvents, relayGraph } from "./support/fault-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";
import { spawnWorkerProcess, type WorkerProcess } from "./support/worker-process";

let worker: WorkerProcess | undefined;
let receiver: Receiver | undefined;

afterAll(async () => {
  worker?.child.kill("SIGKILL");
  await receiver?.close();
});

/** Connections of this database waiting on LISTEN: one per process whose bus is relayed. */
async function listeningConnections(): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pg_stat_activity
    WHERE datname = current_database() AND query LIKE 'LISTEN %'`;
  return Number(rows[0]?.count ?? 0);
}

describe.runIf(getConfig().database.kind === "postgresql")(
  "the event bus on PostgreSQL, between a web process and a worker process",
  () => {
    it("wakes the idle worker at once and brings its live events back", async () => {
      const db = getDb();
      const events: LiveEvent[] = [];
      const unsubscribe = subscribe((message) => {
        if (message.workspaceId !== null) events.push(message.event);
      });
      receiver = await startReceiver(() => ({ status: 200 }));
      const editor = await createTestUser("editor");
      const { token } = await createActiveWorkflow(editor, relayGraph(receiver.url));

      // The worker would otherwise look for work only once a minute: finishing well inside
      // that means the NOTIFY sent after the ingest commit woke it.
      worker = spawnWorkerProcess({
        SWITCHYARD_WORKER_IDLE_POLL_MS: "60000",
        SWITCHYARD_LOG_LEVEL: "info",
      });
      await worker.waitForLog((line) => line.msg === "worker started");
      await eventually(async () => (await listeningConnections()) >= 2, 10_000);

      const [runId] = await ingestEvents(token, 1);
      await eventually(
        async () => (await db.delivery.count({ where: { status: "delivered" } })) === 1,
        20_000,
      );
      // Published by the worker process, received here through LISTEN. A notification can
      // arrive a moment after the row it tells of is visible, so each is waited for.
      await eventually(
        async () =>
          events.some(
            (event) =>
              event.type === "run.updated" && event.id === runId && event.status === "succeeded",
          ) &&
          events.some((event) => event.type === "delivery.updated" && event.status === "delivered"),
        5_000,
      );
      const stored = (await db.exchange.findMany({ select: { id: true } }))
        .map((exchange) => exchange.id)
        .toSorted();
      const seen = () =>
        events.flatMap((event) => (event.type === "exchange.created" ? [event.id] : [])).toSorted();
      await eventually(async () => seen().length >= stored.length, 5_000).catch(() => undefined);
      expect(seen()).toEqual(stored);
      unsubscribe();

      worker.child.kill("SIGTERM");
      expect((await worker.exited).code).toBe(0);
    }, 60_000);
  },
);
