import { beforeAll, describe, expect, it } from "vitest";
import * as hooks from "@/app/hooks/[token]/route";
import { getDb } from "@/lib/db/client";
import { deactivateWorkflow } from "@/lib/workflows/set-workflow-active";
import { orderGraph } from "./support/graphs";
import { createTestUser, routeParams, type TestUser } from "./support/session";
import { countRows, createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
let token: string;

beforeAll(async () => {
  editor = await createTestUser("editor");
  ({ token } = await createActiveWorkflow(
    editor,
    orderGraph("http://127.0.0.1:1", "http://127.0.0.1:2"),
  ));
});

function post(
  path: string,
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
): Promise<Response> {
  const tokenInPath = path.split("/").pop() ?? "";
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return hooks.POST(request, routeParams({ token: tokenInPath }));
}

describe("the inbound webhook endpoint", () => {
  it("answers 202 with the run id only once the exchange, run and job are committed", async () => {
    const response = await post(`/hooks/${token}`, JSON.stringify({ order: { id: "A-1" } }));
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const db = getDb();
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("queued");
    expect(JSON.parse(run.triggerData)).toMatchObject({
      method: "POST",
      body: { order: { id: "A-1" } },
    });
    expect(await db.job.count({ where: { subjectId: runId, kind: "execute_run" } })).toBe(1);
    const exchange = await db.exchange.findFirstOrThrow({ where: { runId, kind: "inbound" } });
    expect(exchange.responseStatus).toBe(202);
    expect(exchange.requestBody).toBe('{"order":{"id":"A-1"}}');
  });

  it("redacts credentials of the inbound request before storing it", async () => {
    const response = await post(`/hooks/${token}`, "{}", {
      "content-type": "application/json",
      authorization: "Bearer sender-secret",
      cookie: "sid=abc",
    });
    const { runId } = (await response.json()) as { runId: string };
    const exchange = await getDb().exchange.findFirstOrThrow({ where: { runId } });
    expect(exchange.requestHeaders).not.toContain("sender-secret");
    expect(exchange.requestHeaders).not.toContain("sid=abc");
    expect(JSON.parse(exchange.requestHeaders)).toMatchObject({ authorization: "[redacted]" });
  });

  it("answers 404 with a JSON error for an unknown token", async () => {
    const before = await countRows();
    const response = await post("/hooks/no-such-token", "{}");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "workflow_not_found" } });
    expect(await countRows()).toEqual(before);
  });

  it("answers 400 to malformed JSON and starts nothing", async () => {
    const before = await countRows();
    const response = await post(`/hooks/${token}`, '{"order": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_json" } });
    const after = await countRows();
    expect(after.runs).toBe(before.runs);
    expect(after.jobs).toBe(before.jobs);
    expect(after.exchanges).toBe(before.exchanges + 1);
  });

  it("answers 413 to a body over 1 MiB that announces its length", async () => {
    const before = await countRows();
    const response = await post(
      `/hooks/${token}`,
      JSON.stringify({ pad: "x".repeat(1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect((await countRows()).runs).toBe(before.runs);
  });

  it("answers 413 to a streamed body over 1 MiB that announces no length", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await post(`/hooks/${token}`, stream);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(40);
  });

  it("answers 404 saying the workflow is inactive once it is deactivated", async () => {
    const other = await createActiveWorkflow(
      editor,
      orderGraph("http://127.0.0.1:1", "http://127.0.0.1:2"),
    );
    await deactivateWorkflow(editor.workspaceId, other.id);
    const response = await post(`/hooks/${other.token}`, "{}");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("workflow_inactive");
    expect(body.error.message).toMatch(/inactive/);
  });

  it("refuses GET with 405 and says which methods are allowed", async () => {
    const request = new Request(`http://localhost/hooks/${token}`, { method: "GET" });
    const response = await hooks.GET(request, routeParams({ token }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("POST");
  });
});
