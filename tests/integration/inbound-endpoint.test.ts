import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { deactivateWorkflow } from "@/lib/workflows/set-workflow-active";
import { createInboundWorkflow, inboundExchanges, runCount } from "./support/inbound-fixtures";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";
import { countRows } from "./support/workflow-fixture";
import { waysIn, type WayIn } from "./support/ways-in";
import { fixedRedaction } from "@/lib/redaction/redaction-cache";
import { builtInRedactionRules } from "@/lib/redaction/redaction-rules";

// Set before any import parses the configuration: short enough to test slow senders.
vi.hoisted(() => {
  process.env.SWITCHYARD_INBOUND_READ_TIMEOUT_MS = "400";
});

let editor: TestUser;
beforeAll(async () => {
  editor = await createTestUser("editor");
});

const json = { "content-type": "application/json" };

describe.each(waysIn)("the inbound endpoint through the %o", (makeWayIn) => {
  const way: WayIn = makeWayIn();
  let token: string;
  let workflowId: string;
  beforeAll(async () => {
    await way.start();
    ({ token, id: workflowId } = await createInboundWorkflow(editor));
  });
  afterAll(() => way.stop());

  it("answers 202 with the run id only once the exchange, run and job are committed", async () => {
    const reply = await way.send(`/hooks/${token}?source=shop`, {
      body: JSON.stringify({ order: { id: "A-1" } }),
    });
    expect(reply.status).toBe(202);
    const { runId } = JSON.parse(reply.text) as { runId: string };
    const db = getDb();
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("queued");
    expect(JSON.parse(run.triggerData)).toMatchObject({
      method: "POST",
      query: { source: "shop" },
      body: { order: { id: "A-1" } },
    });
    expect(await db.job.count({ where: { subjectId: runId, kind: "execute_run" } })).toBe(1);
    const exchange = await db.exchange.findFirstOrThrow({ where: { runId, kind: "inbound" } });
    expect(exchange.responseStatus).toBe(202);
    expect(exchange.requestBody).toBe('{"order":{"id":"A-1"}}');
  });

  it("stores form, text and binary bodies faithfully and gives templates a sensible value", async () => {
    const db = getDb();
    const send = async (contentType: string, body: string | Uint8Array) => {
      const reply = await way.send(`/hooks/${token}`, {
        headers: { "content-type": contentType },
        body,
      });
      expect(reply.status).toBe(202);
      const { runId } = JSON.parse(reply.text) as { runId: string };
      const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
      const exchange = await db.exchange.findFirstOrThrow({ where: { runId } });
      return { trigger: JSON.parse(run.triggerData) as { body: unknown }, exchange };
    };
    const form = await send("application/x-www-form-urlencoded", "a=1&b=two+words");
    expect(form.trigger.body).toEqual({ a: "1", b: "two words" });
    const text = await send("text/plain; charset=utf-8", "plain ✓ text");
    expect(text.trigger.body).toBe("plain ✓ text");
    const bytes = new Uint8Array([0, 255, 1, 254, 128]);
    const binary = await send("application/octet-stream", bytes);
    expect(binary.trigger.body).toBe(Buffer.from(bytes).toString("base64"));
    expect(binary.exchange.requestBodyEncoding).toBe("base64");
    expect(Buffer.from(binary.exchange.requestBody!, "base64")).toEqual(Buffer.from(bytes));
  });

  it("redacts credentials of the inbound request before storing it", async () => {
    const reply = await way.send(`/hooks/${token}`, {
      headers: { ...json, authorization: "Bearer sender-secret", cookie: "sid=abc" },
      body: "{}",
    });
    const { runId } = JSON.parse(reply.text) as { runId: string };
    const exchange = await getDb().exchange.findFirstOrThrow({ where: { runId } });
    expect(exchange.requestHeaders).not.toContain("sender-secret");
    expect(exchange.requestHeaders).not.toContain("sid=abc");
  });

  it("answers 404 for an unknown token and stores nothing", async () => {
    const before = await countRows();
    const reply = await way.send("/hooks/no-such-token", { body: "{}" });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "workflow_not_found" } });
    expect(await countRows()).toEqual(before);
  });

  it("answers 400 to malformed JSON, records why, and starts nothing", async () => {
    const before = await runCount(workflowId);
    const reply = await way.send(`/hooks/${token}`, { body: '{"order": ' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: "invalid_json" } });
    expect(await runCount(workflowId)).toBe(before);
    const [recorded] = await inboundExchanges(workflowId);
    expect(recorded?.responseStatus).toBe(400);
  });

  it("answers 400 at once to absurdly deep JSON and starts nothing", async () => {
    const before = await runCount(workflowId);
    const depth = 100_000;
    const reply = await way.send(`/hooks/${token}`, {
      body: "[".repeat(depth) + "]".repeat(depth),
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({
      error: { code: "invalid_json", message: expect.stringMatching(/deeper than/) as unknown },
    });
    expect(await runCount(workflowId)).toBe(before);
  });

  it("says an inactive workflow is inactive", async () => {
    const other = await createInboundWorkflow(editor);
    await deactivateWorkflow(editor.workspaceId, other.id);
    const reply = await way.send(`/hooks/${other.token}`, { body: "{}" });
    expect(reply.status).toBe(404);
    const { error } = JSON.parse(reply.text) as { error: { code: string; message: string } };
    expect(error.code).toBe("workflow_inactive");
    expect(error.message).toMatch(/inactive/);
  });

  it("accepts only the configured methods and says which", async () => {
    const reply = await way.send(`/hooks/${token}`, { method: "GET" });
    expect(reply.status).toBe(405);
    expect(reply.headers.get("allow")).toBe("POST");
    const getter = await createInboundWorkflow(editor, { methods: "GET, PUT" });
    const allowed = await way.send(`/hooks/${getter.token}?ping=1`, { method: "GET" });
    expect(allowed.status).toBe(202);
    const refused = await way.send(`/hooks/${getter.token}`, { body: "{}" });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, PUT");
  });

  it("enforces the workflow's body limit, announced or chunked", async () => {
    const small = await createInboundWorkflow(editor, { maxBodyBytes: 1000 });
    const announced = await way.send(`/hooks/${small.token}`, {
      body: JSON.stringify({ pad: "x".repeat(2000) }),
    });
    expect(announced.status).toBe(413);
    // 64 MB, far more than loopback's socket buffers take in before the server hangs up.
    const chunkCount = 64_000;
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= chunkCount) return controller.close();
        sent += 1;
        controller.enqueue(new Uint8Array(1024).fill(120));
      },
    });
    const streamed = await way.send(`/hooks/${small.token}`, { body: chunked });
    expect(streamed.status).toBe(413);
    // Reading stopped at the limit: most of the body was never pulled from the sender.
    expect(sent).toBeLessThan(chunkCount / 2);
    const fits = await way.send(`/hooks/${small.token}`, { body: JSON.stringify({ pad: "x" }) });
    expect(fits.status).toBe(202);
    expect(await runCount(small.id)).toBe(1);
  });

  it("cuts off a sender whose body does not arrive within the read timeout", async () => {
    const before = await runCount(workflowId);
    const startedAt = Date.now();
    let status: number;
    const port = way.port();
    if (port === null) {
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"order":'));
        },
      });
      status = (await way.send(`/hooks/${token}`, { body: stalled })).status;
    } else {
      status = await new Promise<number>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        socket.on("error", reject);
        socket.write(
          `POST /hooks/${token} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n` +
            `content-length: 100\r\n\r\n{"order":`,
        );
        socket.on("data", (data) => resolve(Number(data.toString().split(" ")[1])));
      });
    }
    expect(status).toBe(408);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(350);
    expect(Date.now() - startedAt).toBeLessThan(3000);
    expect(await runCount(workflowId)).toBe(before);
  });

  it("answers 429 with Retry-After past the workflow's rate limit", async () => {
    const limited = await createInboundWorkflow(editor, { rateLimitPerSecond: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i += 1) {
      const reply = await way.send(`/hooks/${limited.token}`, { body: "{}" });
      statuses.push(reply.status);
      if (reply.status === 429) retryAfter = reply.headers.get("retry-after");
    }
    expect(statuses.slice(0, 2)).toEqual([202, 202]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await runCount(limited.id)).toBe(statuses.filter((status) => status === 202).length);
  });

  it("runs a repeated message id once and gives every copy the first answer", async () => {
    const headers = { ...json, "webhook-id": `msg_${way.name}` };
    const first = await way.send(`/hooks/${token}`, { headers, body: '{"n":1}' });
    const second = await way.send(`/hooks/${token}`, { headers, body: '{"n":1}' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const { runId } = JSON.parse(first.text) as { runId: string };
    const runs = await getDb().run.findMany({
      where: { workflowId, triggerData: { contains: '"n":1' } },
    });
    expect(runs.map((run) => run.id)).toEqual([runId]);
    // The copy is in the log too, linked to the run it did not start again.
    expect(await getDb().exchange.count({ where: { runId, kind: "inbound" } })).toBe(2);
  });

  it("runs concurrent copies of one message id once", async () => {
    const headers = { ...json, "x-delivery": `burst_${way.name}` };
    const custom = await createInboundWorkflow(editor, { idempotencyHeader: "X-Delivery" });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => way.send(`/hooks/${custom.token}`, { headers, body: "{}" })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(202));
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect(await runCount(custom.id)).toBe(1);
  });
});

describe.each(waysIn)("respond-with-result mode through the %o", (makeWayIn) => {
  const way: WayIn = makeWayIn();
  beforeAll(() => way.start());
  afterAll(() => way.stop());

  it("answers with the Respond node's status, headers and body", async () => {
    const worker = startTestWorker();
    try {
      const workflow = await createInboundWorkflow(editor, {
        responseMode: "result",
        responseTimeoutMs: 10_000,
      });
      const headers = { ...json, "webhook-id": `result_${way.name}` };
      const body = JSON.stringify({ order: { id: "R-9" } });
      const reply = await way.send(`/hooks/${workflow.token}`, { headers, body });
      expect(reply.status).toBe(201);
      expect(reply.headers.get("x-order")).toBe("R-9");
      expect(JSON.parse(reply.text)).toEqual({ order: "R-9", accepted: true });
      const [exchange] = await inboundExchanges(workflow.id);
      expect(exchange?.responseStatus).toBe(201);
      // A copy of the message gets the same answer without a second run.
      const copy = await way.send(`/hooks/${workflow.token}`, { headers, body });
      expect(copy.status).toBe(201);
      expect(copy.text).toBe(reply.text);
      expect(await runCount(workflow.id)).toBe(1);
    } finally {
      await worker.stop(2000);
    }
  });

  it("answers 202 with the run id when the run has not answered in time", async () => {
    const workflow = await createInboundWorkflow(editor, {
      responseMode: "result",
      responseTimeoutMs: 300,
    });
    const startedAt = Date.now();
    const reply = await way.send(`/hooks/${workflow.token}`, { body: "{}" });
    expect(reply.status).toBe(202);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    const { runId } = JSON.parse(reply.text) as { runId: string };
    expect(await getDb().run.findUnique({ where: { id: runId } })).not.toBeNull();
  });
});

describe.each(waysIn)("the test URL through the %o", (makeWayIn) => {
  const way: WayIn = makeWayIn();
  beforeAll(() => way.start());
  afterAll(() => way.stop());

  it("captures the next request only while listening, even for an inactive workflow", async () => {
    const workflow = await createInboundWorkflow(editor);
    await deactivateWorkflow(editor.workspaceId, workflow.id);
    const db = getDb();
    const early = await way.send(`/hooks/${workflow.token}/test`, { body: "{}" });
    expect(early.status).toBe(404);
    expect(JSON.parse(early.text)).toMatchObject({ error: { code: "test_listener_inactive" } });

    await db.workflow.update({
      where: { id: workflow.id },
      data: { testListenUntil: new Date(Date.now() + 60_000) },
    });
    const captured = await way.send(`/hooks/${workflow.token}/test?x=1`, {
      headers: { ...json, "x-github-event": "push" },
      body: JSON.stringify({ order: { id: "T-1" } }),
    });
    expect(captured.status).toBe(200);
    const stored = await db.workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    expect(stored.testListenUntil).toBeNull();
    expect(JSON.parse(stored.testEvent!)).toMatchObject({
      method: "POST",
      query: { x: "1" },
      headers: { "x-github-event": "push" },
      body: { order: { id: "T-1" } },
      bodyEncoding: "json",
      verification: { ok: true },
    });
    expect(await runCount(workflow.id)).toBe(0);
    const again = await way.send(`/hooks/${workflow.token}/test`, { body: "{}" });
    expect(again.status).toBe(404);
  });

  it("captures a request that fails the draft's verification, with the reason", async () => {
    const workflow = await createInboundWorkflow(editor, { verification: "github" }, "s3cret");
    await getDb().workflow.update({
      where: { id: workflow.id },
      data: { testListenUntil: new Date(Date.now() + 60_000) },
    });
    const reply = await way.send(`/hooks/${workflow.token}/test`, { body: "{}" });
    expect(reply.status).toBe(401);
    const stored = await getDb().workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    const event = JSON.parse(stored.testEvent!) as {
      verification: { ok: boolean; reason: string };
    };
    expect(event.verification.ok).toBe(false);
    expect(event.verification.reason).toMatch(/x-hub-signature-256|missing/i);
  });
});

describe("shedding load", () => {
  it("answers 503 with Retry-After at once past the in-flight limit, and recovers", async () => {
    const { ingest } = await import("@/lib/ingest/ingest");
    const workflow = await createInboundWorkflow(editor);
    const options = {
      db: getDb(),
      redaction: fixedRedaction(builtInRedactionRules(1024)),
      readTimeoutMs: 2000,
      maxInFlight: 2,
    };
    // Two senders that stall mid-body hold both slots.
    const stalls: (() => void)[] = [];
    const stalledBody = () => ({
      async *[Symbol.asyncIterator]() {
        yield new TextEncoder().encode("{");
        await new Promise<void>((resolve) => stalls.push(resolve));
        yield new TextEncoder().encode("}");
      },
    });
    const request = (body: AsyncIterable<Uint8Array> | null) => ({
      method: "POST",
      url: `/hooks/${workflow.token}`,
      headers: json,
      body,
    });
    const target = { token: workflow.token, isTest: false };
    const held = [
      ingest(request(stalledBody()), target, options),
      ingest(request(stalledBody()), target, options),
    ];
    await eventually(async () => stalls.length === 2);
    const startedAt = Date.now();
    const shed = await ingest(request(null), target, options);
    expect(shed.status).toBe(503);
    expect(shed.headers["retry-after"]).toBe("1");
    expect(JSON.parse(shed.body)).toMatchObject({ error: { code: "overloaded" } });
    expect(Date.now() - startedAt).toBeLessThan(100);
    for (const resume of stalls) resume();
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([202, 202]);
    const after = await ingest(request(null), target, options);
    expect(after.status).toBe(202);
  });
});
