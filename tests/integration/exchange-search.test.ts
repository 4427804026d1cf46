import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exchangeDetail from "@/app/api/exchanges/[id]/route";
import * as exchangeList from "@/app/api/exchanges/route";
import * as hooks from "@/app/hooks/[token]/route";
import * as rerun from "@/app/api/runs/[id]/rerun/route";
import type { ExchangePage, ExchangeView } from "@/lib/api/views";
import { getDb, postgresPoolOf } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { recordExchange } from "@/lib/exchanges/record-exchange";
import { SEARCH_SCAN_LIMIT } from "@/lib/exchanges/list-exchanges";
import type { CapturedExchange } from "@/lib/http/captured-exchange";
import { sendRequest } from "@/lib/http/send-request";
import { createPendingDeliveries, testEnv } from "./support/delivery-fixtures";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

type Row = Awaited<ReturnType<typeof allRows>>[number];

let editor: TestUser;
let viewer: TestUser;
const closers: (() => Promise<void>)[] = [];
/** The ids of the exchanges each recording path wrote, by what happened. */
const seeded: Record<string, string> = {};
let inboundWorkflowId = "";
let inboundRunId = "";
let deliveryRunId = "";
let deliveryMessageIds: string[] = [];
let rows: Row[] = [];

function allRows(workspaceId: string) {
  return getDb().exchange.findMany({ where: { workspaceId } });
}

async function list(user: TestUser, query: string): Promise<Response> {
  const request = apiRequest("GET", `/api/exchanges?${query}`, { user });
  return exchangeList.GET(request, routeParams({}));
}

async function page(user: TestUser, query: string): Promise<ExchangePage> {
  const response = await list(user, query);
  expect(response.status, query).toBe(200);
  return (await response.json()) as ExchangePage;
}

/** Every id the log lists for `query`, following cursors, in order. */
async function listAll(user: TestUser, query: string, limit = 200): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const result = await page(user, `${query}&limit=${limit}${suffix}`);
    ids.push(...result.exchanges.map((exchange) => exchange.id));
    cursor = result.nextCursor;
  } while (cursor);
  return ids;
}

/** The ids of `rows` newest first, in the log's order. */
function newestFirst(matching: Row[]): string[] {
  return [...matching]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);
}

async function postInbound(token: string, headers: Record<string, string>, body: string) {
  const request = new Request(`http://localhost/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return hooks.POST(request, routeParams({ token }));
}

async function latestExchangeId(where: { workflowId?: string; runId?: string; kind?: string }) {
  const row = await getDb().exchange.findFirstOrThrow({
    where: { workspaceId: editor.workspaceId, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row.id;
}

async function record(kind: "api_call", exchange: CapturedExchange): Promise<string> {
  const links = { workspaceId: editor.workspaceId, workflowId: inboundWorkflowId };
  return getDb().$transaction(async (tx) => (await recordExchange(tx, kind, links, exchange)).id);
}

/** Sends a real request and records it as the engine records an API call. */
async function callAndRecord(url: string, timeoutMs = 2000, allowPrivateNetworks = true) {
  const result = await sendRequest(
    { method: "POST", url, headers: {}, body: '{"probe":"Needle-in-Request"}', timeoutMs },
    {
      policy: { allowPrivateNetworks },
      maxResponseBytes: testEnv.maxResponseBytes,
      maxStoredBodyBytes: testEnv.maxStoredBodyBytes,
    },
  );
  return record("api_call", result.exchange);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function receiver(reply: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(reply);
  closers.push(() => started.close());
  return started;
}

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  const db = getDb();

  // Inbound: one accepted with a message id, one with a bad token (a signature failure).
  const inbound = await createInboundWorkflow(
    editor,
    { verification: "header-token", tokenHeader: "x-hook-token" },
    "tok-123456789",
  );
  inboundWorkflowId = inbound.id;
  const accepted = await postInbound(
    inbound.token,
    { "x-hook-token": "tok-123456789", "webhook-id": "msg_inbound_1" },
    '{"order":{"id":"needle-in-body-A7"}}',
  );
  expect(accepted.status).toBe(202);
  inboundRunId = ((await accepted.json()) as { runId: string }).runId;
  seeded.inbound = await latestExchangeId({ runId: inboundRunId, kind: "inbound" });
  const refused = await postInbound(inbound.token, { "x-hook-token": "wrong-token" }, "{}");
  expect(refused.status).toBe(401);
  seeded.signature = await latestExchangeId({ workflowId: inbound.id, kind: "inbound" });

  // A re-run replays the accepted request.
  const rerunResponse = await rerun.POST(
    apiRequest("POST", `/api/runs/${inboundRunId}/rerun`, {
      user: editor,
      body: { version: "pinned" },
    }),
    routeParams({ id: inboundRunId }),
  );
  expect(rerunResponse.status).toBe(202);
  const rerunId = ((await rerunResponse.json()) as { runId: string }).runId;
  seeded.replay = await latestExchangeId({ runId: rerunId, kind: "inbound" });

  // API calls over real sockets: answered, slow, refused by the guard, and to a closed port.
  const ok = await receiver(() => ({ status: 200, body: '{"reply":"NEEDLE-in-response"}' }));
  const failing = await receiver(() => ({ status: 503 }));
  const silent = await receiver(() => ({ status: 200, delayMs: 5000 }));
  const okPort = new URL(ok.url).port;
  seeded.apiOk = await callAndRecord(`http://LocalHost:${okPort}/orders?needle-in-url=1`);
  seeded.apiServerError = await callAndRecord(failing.url);
  seeded.apiTimeout = await callAndRecord(silent.url, 200);
  seeded.apiRefused = await callAndRecord(ok.url, 2000, false);
  seeded.apiConnection = await callAndRecord(`http://127.0.0.1:${await closedPort()}/`);

  // Webhook attempts: a success (the hot path's SQL) and a failure (the general path).
  const hook = await receiver(() => ({ status: 204 }));
  const broken = await receiver(() => ({ status: 500 }));
  const created = await createPendingDeliveries(editor, [{ url: hook.url }, { url: broken.url }]);
  deliveryRunId = created.runId;
  const options = { db, env: testEnv, retryDelaysMs: [60_000] };
  for (const id of created.deliveryIds) await attemptDelivery(id, options);
  const deliveries = await Promise.all(
    created.deliveryIds.map((id) => db.delivery.findUniqueOrThrow({ where: { id } })),
  );
  deliveryMessageIds = deliveries.map((delivery) => delivery.messageId);
  const attempts = await Promise.all(
    created.deliveryIds.map((deliveryId) =>
      db.exchange.findFirstOrThrow({ where: { deliveryId, kind: "webhook_attempt" } }),
    ),
  );
  seeded.attemptDelivered = attempts[0]!.id;
  seeded.attemptFailed = attempts[1]!.id;

  rows = await allRows(editor.workspaceId);
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
});

function seededRow(name: string): Row {
  const row = rows.find((candidate) => candidate.id === seeded[name]);
  if (!row) throw new Error(`no seeded exchange ${name}`);
  return row;
}

describe("the columns every write path fills", () => {
  it("files inbound requests with their message id, and a bad signature as a failure", () => {
    expect(seededRow("inbound")).toMatchObject({
      kind: "inbound",
      host: null,
      messageId: "msg_inbound_1",
      failure: null,
      isReplay: false,
      connectMs: null,
    });
    expect(seededRow("signature")).toMatchObject({
      kind: "inbound",
      outcome: "client_error",
      responseStatus: 401,
      failure: "signature",
    });
    expect(seededRow("replay")).toMatchObject({
      kind: "inbound",
      isReplay: true,
      replayOfId: seeded.inbound,
      messageId: "msg_inbound_1",
      failure: null,
    });
  });

  it("files API calls with the host, the timings and why they failed", () => {
    const ok = seededRow("apiOk");
    expect(ok).toMatchObject({ host: "localhost", failure: null, responseStatus: 200 });
    expect(ok.connectMs).not.toBeNull();
    expect(ok.firstByteMs).toBeGreaterThanOrEqual(ok.connectMs!);
    expect(ok.durationMs).toBeGreaterThanOrEqual(ok.firstByteMs!);
    expect(seededRow("apiServerError")).toMatchObject({ host: "127.0.0.1", failure: null });
    expect(seededRow("apiTimeout")).toMatchObject({ outcome: "failed", failure: "timeout" });
    expect(seededRow("apiTimeout").connectMs).not.toBeNull();
    expect(seededRow("apiTimeout").firstByteMs).toBeNull();
    expect(seededRow("apiRefused")).toMatchObject({
      outcome: "failed",
      failure: "refused",
      connectMs: null,
    });
    expect(seededRow("apiConnection")).toMatchObject({ outcome: "failed", failure: "connection" });
  });

  it("files webhook attempts with their delivery's message id on both recording paths", () => {
    const delivered = seededRow("attemptDelivered");
    expect(delivered).toMatchObject({
      kind: "webhook_attempt",
      responseStatus: 204,
      host: "127.0.0.1",
      messageId: deliveryMessageIds[0],
      failure: null,
      isReplay: false,
    });
    expect(delivered.connectMs).not.toBeNull();
    expect(delivered.firstByteMs).not.toBeNull();
    expect(seededRow("attemptFailed")).toMatchObject({
      responseStatus: 500,
      messageId: deliveryMessageIds[1],
      failure: null,
    });
    expect(seededRow("attemptFailed").connectMs).not.toBeNull();
  });

  it("answers the timings and the step in an exchange's detail", async () => {
    const id = seeded.attemptDelivered!;
    const response = await exchangeDetail.GET(
      apiRequest("GET", `/api/exchanges/${id}`, { user: viewer }),
      routeParams({ id }),
    );
    const { exchange } = (await response.json()) as { exchange: ExchangeView };
    expect(exchange).toMatchObject({
      stepName: "send1",
      host: "127.0.0.1",
      messageId: deliveryMessageIds[0],
      failure: null,
      connectMs: seededRow("attemptDelivered").connectMs,
      firstByteMs: seededRow("attemptDelivered").firstByteMs,
    });
    const inbound = await exchangeDetail.GET(
      apiRequest("GET", `/api/exchanges/${seeded.inbound}`, { user: viewer }),
      routeParams({ id: seeded.inbound! }),
    );
    expect(((await inbound.json()) as { exchange: ExchangeView }).exchange.stepName).toBeNull();
  });
});

describe("GET /api/exchanges filters", () => {
  const cases: [string, () => string, (row: Row) => boolean, string[]][] = [
    [
      "workflowId",
      () => `workflowId=${inboundWorkflowId}`,
      (r) => r.workflowId === inboundWorkflowId,
      ["inbound", "apiOk"],
    ],
    [
      "runId",
      () => `runId=${deliveryRunId}`,
      (r) => r.runId === deliveryRunId,
      ["attemptDelivered", "attemptFailed"],
    ],
    [
      "kind=inbound",
      () => "kind=inbound",
      (r) => r.kind === "inbound",
      ["inbound", "signature", "replay"],
    ],
    ["kind=api_call", () => "kind=api_call", (r) => r.kind === "api_call", ["apiOk", "apiRefused"]],
    [
      "kind=webhook_attempt",
      () => "kind=webhook_attempt",
      (r) => r.kind === "webhook_attempt",
      ["attemptDelivered"],
    ],
    ["kind=replay", () => "kind=replay", (r) => r.replayOfId !== null, ["replay"]],
    [
      "outcome=success",
      () => "outcome=success",
      (r) => (r.responseStatus ?? 0) >= 200 && (r.responseStatus ?? 0) < 300,
      ["inbound", "apiOk", "attemptDelivered"],
    ],
    [
      "outcome=client_error",
      () => "outcome=client_error",
      (r) => (r.responseStatus ?? 0) >= 400 && (r.responseStatus ?? 0) < 500,
      ["signature"],
    ],
    [
      "outcome=server_error",
      () => "outcome=server_error",
      (r) => (r.responseStatus ?? 0) >= 500,
      ["apiServerError", "attemptFailed"],
    ],
    [
      "outcome=failed",
      () => "outcome=failed",
      (r) => r.responseStatus === null,
      ["apiTimeout", "apiRefused", "apiConnection"],
    ],
    ["outcome=timeout", () => "outcome=timeout", (r) => r.id === seeded.apiTimeout, ["apiTimeout"]],
    ["outcome=refused", () => "outcome=refused", (r) => r.id === seeded.apiRefused, ["apiRefused"]],
    [
      "outcome=signature_failed",
      () => "outcome=signature_failed",
      (r) => r.id === seeded.signature,
      ["signature"],
    ],
    ["status=503", () => "status=503", (r) => r.responseStatus === 503, ["apiServerError"]],
    [
      "host, in any case",
      () => "host=LOCALHOST",
      (r) => r.url.toLowerCase().startsWith("http://localhost:"),
      ["apiOk"],
    ],
    [
      "messageId",
      () => `messageId=${deliveryMessageIds[1]}`,
      (r) => r.deliveryId !== null && r.messageId === deliveryMessageIds[1],
      ["attemptFailed"],
    ],
  ];

  it.each(cases)(
    "%s lists exactly the matching exchanges",
    async (_name, query, matches, names) => {
      const expected = newestFirst(rows.filter(matches));
      for (const name of names) expect(expected).toContain(seeded[name]);
      expect(await listAll(viewer, query(), 2)).toEqual(expected);
    },
  );

  it("lists a time range, from inclusive and to exclusive", async () => {
    const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const from = sorted[2]!.createdAt;
    const to = sorted[sorted.length - 2]!.createdAt;
    const expected = newestFirst(rows.filter((r) => r.createdAt >= from && r.createdAt < to));
    expect(expected.length).toBeGreaterThan(2);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}`;
    expect(await listAll(viewer, query, 3)).toEqual(expected);
  });

  it("combines filters with AND and keeps other workspaces out", async () => {
    const stranger = await createTestUser("viewer");
    expect(await listAll(stranger, "kind=inbound")).toEqual([]);
    expect(await listAll(viewer, `kind=api_call&outcome=failed&host=127.0.0.1`)).toEqual(
      newestFirst(
        rows.filter(
          (r) => r.kind === "api_call" && r.responseStatus === null && r.host === "127.0.0.1",
        ),
      ),
    );
  });
});

describe("GET /api/exchanges text search", () => {
  it("finds text in the URL, the request body and the response body, ignoring case", async () => {
    const inUrl = await page(viewer, "q=NEEDLE-IN-URL");
    expect(inUrl.exchanges.map((e) => e.id)).toEqual([seeded.apiOk]);
    expect(inUrl.search).toEqual({ scanLimit: SEARCH_SCAN_LIMIT, limitReached: false });
    expect(inUrl.nextCursor).toBeNull();

    const inRequest = await page(viewer, "q=needle-in-body-a7");
    expect(inRequest.exchanges.map((e) => e.id)).toEqual([seeded.replay, seeded.inbound]);
    const inResponse = await page(viewer, "q=needle-IN-response&kind=api_call");
    expect(inResponse.exchanges.map((e) => e.id)).toEqual([seeded.apiOk]);
    expect((await page(viewer, "q=no-such-text")).exchanges).toEqual([]);
    if (postgresPoolOf(getDb())) {
      // LIKE's wildcards are searched as plain text (SQLite's LIKE cannot escape them).
      expect((await page(viewer, "q=%25")).exchanges).toEqual([]);
      expect((await page(viewer, "q=needle_in_url")).exchanges).toEqual([]);
    }
    expect((await page(viewer, "kind=inbound")).search).toBeNull();
  });

  it("looks only at the newest exchanges below the cursor, and says so", async () => {
    const owner = await createTestUser("viewer");
    const start = Date.parse("2026-11-01T00:00:00.000Z");
    const total = SEARCH_SCAN_LIMIT + 5;
    const base = {
      workspaceId: owner.workspaceId,
      kind: "api_call",
      outcome: "success",
      method: "GET",
      requestHeaders: "{}",
      responseStatus: 200,
      durationMs: 1,
    };
    for (let first = 0; first < total; first += 2000) {
      const count = Math.min(2000, total - first);
      await getDb().exchange.createMany({
        data: Array.from({ length: count }, (_, offset) => {
          const index = first + offset;
          return {
            ...base,
            url: index < 3 ? `https://old.test/needle-${index}` : `https://new.test/${index}`,
            createdAt: new Date(start + index * 1000),
          };
        }),
      });
    }

    const first = await page(owner, "q=needle");
    expect(first.exchanges).toEqual([]);
    expect(first.search).toEqual({ scanLimit: SEARCH_SCAN_LIMIT, limitReached: true });
    expect(first.nextCursor).not.toBeNull();

    const second = await page(owner, `q=needle&cursor=${first.nextCursor}`);
    expect(second.exchanges.map((e) => e.url)).toEqual([
      "https://old.test/needle-2",
      "https://old.test/needle-1",
      "https://old.test/needle-0",
    ]);
    expect(second.search).toEqual({ scanLimit: SEARCH_SCAN_LIMIT, limitReached: false });
    expect(second.nextCursor).toBeNull();
  }, 60_000);
});

describe("GET /api/exchanges pagination", () => {
  it("repeats and skips nothing while exchanges arrive between pages", async () => {
    const owner = await createTestUser("viewer");
    const db = getDb();
    const at = (ms: number) => new Date(Date.parse("2026-11-15T00:00:00.000Z") + ms);
    const insert = (createdAt: Date, url: string) =>
      db.exchange.create({
        data: {
          workspaceId: owner.workspaceId,
          kind: "api_call",
          outcome: "success",
          method: "GET",
          url,
          requestHeaders: "{}",
          responseStatus: 200,
          durationMs: 1,
          createdAt,
        },
        select: { id: true },
      });
    // Groups of rows that share a timestamp, so pages end in the middle of a tie.
    const original: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      original.push((await insert(at(Math.floor(index / 4) * 1000), `https://a.test/${index}`)).id);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : "";
      const result = await page(owner, `limit=5${suffix}`);
      seen.push(...result.exchanges.map((exchange) => exchange.id));
      cursor = result.nextCursor;
      // Newer rows, and rows at the very timestamp the page ended on, arrive meanwhile.
      round += 1;
      await insert(at(60_000 + round), `https://b.test/${round}`);
      await insert(at(Math.floor(Math.min(seen.length, 22) / 4) * 1000), `https://c.test/${round}`);
    } while (cursor);

    const concurrent = new Set(
      (await allRows(owner.workspaceId))
        .filter((r) => !r.url.startsWith("https://a.test"))
        .map((r) => r.id),
    );
    const fromOriginal = seen.filter((id) => !concurrent.has(id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(fromOriginal).toEqual(
      newestFirst((await allRows(owner.workspaceId)).filter((r) => original.includes(r.id))),
    );
  });
});

describe("GET /api/exchanges validation", () => {
  it.each([
    ["to before from", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"],
    ["to equal to from", "from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z"],
    ["a date that is not an instant", "from=yesterday"],
    ["a status over 599", "status=600"],
    ["a status under 100", "status=99"],
    ["a status that is not a number", "status=abc"],
    ["an unknown kind", "kind=outbound"],
    ["an unknown outcome", "outcome=other"],
    ["a search over 200 characters", `q=${"x".repeat(201)}`],
    ["a cursor this server did not make", "cursor=not-a-cursor"],
    ["a limit over 200", "limit=201"],
  ])("answers 400 validation_failed for %s", async (_name, query) => {
    const response = await list(viewer, query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("validation_failed");
  });
});
