import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { getConfig } from "@/lib/env";
import { exchangeData } from "@/lib/exchanges/record-exchange";
import type { ExchangeRow } from "@/lib/ingest/ingest-store";
import {
  IngestWriteError,
  ingestWrite,
  ingestWriterState,
  startIngestWriter,
} from "@/lib/ingest/ingest-writer";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { eventually } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";
import { leanServerWayIn } from "./support/ways-in";

const threadUrl = new URL("../../lib/ingest/ingest-writer-thread.ts", import.meta.url);

let user: TestUser;
beforeAll(async () => {
  user = await createTestUser("editor");
});

/** An inbound exchange row as ingest stores it, for a rejected request. */
function exchangeRow(id = newId()): ExchangeRow {
  const row = exchangeData(
    "inbound",
    { workspaceId: user.workspaceId, workflowId: null },
    {
      method: "POST",
      url: "/hooks/none",
      requestHeaders: { "content-type": "application/json" },
      requestBody: '{"kept":true}',
      requestBodyTruncated: false,
      requestBodyEncoding: "utf8",
      responseStatus: 404,
      responseHeaders: { "content-type": "application/json" },
      responseBody: "{}",
      responseBodyTruncated: false,
      responseBodyEncoding: "utf8",
      durationMs: 1,
      connectMs: null,
      firstByteMs: null,
      error: null,
      failure: "refused",
      startedAt: new Date(),
    },
  );
  return { id, ...row };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe.runIf(getConfig().database.kind === "sqlite")("the ingest writer thread", () => {
  it("commits the lean server's inbound requests on its own thread, from the first request until the server closes", async () => {
    const db = getDb();
    const { token } = await createInboundWorkflow(user);
    const way = leanServerWayIn();
    await way.start();
    expect(ingestWriterState(db)).toBe("starting");

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        way.send(`/hooks/${token}`, { body: JSON.stringify({ index }) }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(202));
    expect(ingestWriterState(db)).toBe("running");
    const runIds = replies.map((reply) => (JSON.parse(reply.text) as { runId: string }).runId);
    // Acknowledged means committed: the main connection sees every run and exchange at once.
    expect(await db.run.count({ where: { id: { in: runIds } } })).toBe(20);
    expect(await db.exchange.count({ where: { runId: { in: runIds }, kind: "inbound" } })).toBe(20);

    await way.stop();
    await eventually(async () => ingestWriterState(db) === "off");
  });

  it("fails only the write that breaks a constraint, with SQLite's code, and commits the rest of its group", async () => {
    const db = getDb();
    stops.push(startIngestWriter(db, threadUrl));
    const first = exchangeRow();
    const other = exchangeRow();
    // Handed in together, the three share one group commit on the thread.
    const results = await Promise.allSettled([
      ingestWrite(db, "exchange", first),
      ingestWrite(db, "exchange", { ...exchangeRow(), id: first.id }),
      ingestWrite(db, "exchange", other),
    ]);
    expect(ingestWriterState(db)).toBe("running");
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const failure = (results[1] as PromiseRejectedResult).reason as unknown;
    expect(failure).toBeInstanceOf(IngestWriteError);
    expect((failure as IngestWriteError).code).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect(
      await db.exchange.count({ where: { id: { in: [first.id, other.id] }, url: "/hooks/none" } }),
    ).toBe(2);
  });

  it("writes on the main connection, losing nothing, when its thread cannot start", async () => {
    const db = getDb();
    stops.push(startIngestWriter(db, new URL("file:///no/such/ingest-writer-thread.ts")));
    const rows = [exchangeRow(), exchangeRow(), exchangeRow()];
    // Sent before the thread is known to have failed: they are written once it has.
    await Promise.all(rows.map((row) => ingestWrite(db, "exchange", row)));
    expect(ingestWriterState(db)).toBe("failed");
    const later = exchangeRow();
    await ingestWrite(db, "exchange", later);
    const ids = [...rows, later].map((row) => row.id);
    expect(await db.exchange.count({ where: { id: { in: ids } } })).toBe(4);
  });
});
