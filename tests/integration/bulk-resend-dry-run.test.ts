import { afterEach, describe, expect, it } from "vitest";
import * as resendMany from "@/app/api/deliveries/resend/route";
import { getDb } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { subscribe, type BusMessage } from "@/lib/events/event-bus";
import { createPendingDeliveries, testEnv } from "./support/delivery-fixtures";
import { startReceiver, type Receiver, type ReceivedRequest } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A receiver that answers 200 on /ok, 410 on /gone and 500 anywhere else. */
async function receiver(): Promise<Receiver> {
  const started = await startReceiver((request: ReceivedRequest) => {
    if (request.url === "/ok") return { status: 200 };
    if (request.url === "/gone") return { status: 410 };
    return { status: 500 };
  });
  cleanups.push(() => started.close());
  return started;
}

/** A delivery to `url` after its one attempt, made the way the worker would, with no retries. */
async function attemptedDelivery(user: TestUser, url: string) {
  const created = await createPendingDeliveries(user, [{ url }]);
  const id = created.deliveryIds[0] ?? "";
  await attemptDelivery(id, { db: getDb(), env: testEnv, retryDelaysMs: [] });
  return { ...created, id };
}

async function countAs(user: TestUser, filter: Record<string, string> = {}) {
  const path = `/api/deliveries/resend?${new URLSearchParams(filter).toString()}`;
  const response = await resendMany.GET(apiRequest("GET", path, { user }), routeParams({}));
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("the dry run of a bulk resend", () => {
  it("counts the failed deliveries the filter matches, as the resend then takes them", async () => {
    const editor = await createTestUser("editor");
    const hook = await receiver();
    const first = await attemptedDelivery(editor, `${hook.url}/a`);
    const second = await attemptedDelivery(editor, `${hook.url}/a`);
    await attemptedDelivery(editor, `${hook.url}/b`);
    await attemptedDelivery(editor, `${hook.url}/ok`);
    await attemptedDelivery(editor, `${hook.url}/gone`);
    await createPendingDeliveries(editor, [{ url: `${hook.url}/a` }]);
    const secondCreatedAt = (
      await getDb().delivery.findUniqueOrThrow({ where: { id: second.id } })
    ).createdAt.toISOString();

    expect(await countAs(editor)).toEqual({ status: 200, body: { matched: 3, hasMore: false } });
    const urlA = { endpointUrl: `${hook.url}/a` };
    expect((await countAs(editor, urlA)).body).toEqual({ matched: 2, hasMore: false });
    expect((await countAs(editor, { workflowId: first.workflowId })).body).toEqual({
      matched: 1,
      hasMore: false,
    });
    expect((await countAs(editor, { ...urlA, from: secondCreatedAt })).body).toEqual({
      matched: 1,
      hasMore: false,
    });
    expect((await countAs(editor, { ...urlA, to: secondCreatedAt })).body).toEqual({
      matched: 1,
      hasMore: false,
    });

    const resent = await resendMany.POST(
      apiRequest("POST", "/api/deliveries/resend", { user: editor, body: urlA }),
      routeParams({}),
    );
    expect(await resent.json()).toEqual({ resent: 2, hasMore: false });
    expect((await countAs(editor, urlA)).body).toEqual({ matched: 0, hasMore: false });
  });

  it("counts only the caller's workspace", async () => {
    const editor = await createTestUser("editor");
    const outsider = await createTestUser("admin");
    const hook = await receiver();
    const url = `${hook.url}/shared`;
    await attemptedDelivery(editor, url);
    const theirs = await attemptedDelivery(outsider, url);
    await attemptedDelivery(outsider, url);

    expect((await countAs(editor, { endpointUrl: url })).body).toEqual({
      matched: 1,
      hasMore: false,
    });
    expect((await countAs(outsider, { endpointUrl: url })).body).toEqual({
      matched: 2,
      hasMore: false,
    });
    expect((await countAs(editor, { workflowId: theirs.workflowId })).body).toEqual({
      matched: 0,
      hasMore: false,
    });
  });

  it("counts up to the 1,000 one resend takes and says when more match", async () => {
    const editor = await createTestUser("editor");
    const hook = await receiver();
    const failed = await attemptedDelivery(editor, `${hook.url}/many`);
    const db = getDb();
    const { messageId, ...row } = await db.delivery.findUniqueOrThrow({
      where: { id: failed.id },
      omit: { id: true },
    });
    const copies = (count: number, from: number) =>
      db.delivery.createMany({
        data: Array.from({ length: count }, (_, index) => ({
          ...row,
          messageId: `${messageId}-${from + index}`,
        })),
      });

    await copies(999, 0);
    expect((await countAs(editor)).body).toEqual({ matched: 1000, hasMore: false });
    await copies(1, 999);
    expect((await countAs(editor)).body).toEqual({ matched: 1000, hasMore: true });
  });

  it("refuses viewers and malformed filters with the codes of the resend itself", async () => {
    const editor = await createTestUser("editor");
    const viewer = await createTestUser("viewer", editor.workspaceId);

    expect(await countAs(viewer)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await countAs(editor, { from: "yesterday" })).toMatchObject({
      status: 400,
      body: { error: { code: "validation_failed", details: { issues: [{ path: "from" }] } } },
    });
    expect(await countAs(editor, { status: "delivered" })).toMatchObject({
      status: 400,
      body: { error: { code: "validation_failed" } },
    });
  });

  it("changes nothing: no delivery, job or exchange is touched and nothing is announced", async () => {
    const editor = await createTestUser("editor");
    const hook = await receiver();
    const { id, runId } = await attemptedDelivery(editor, `${hook.url}/a`);
    const db = getDb();
    const snapshot = () =>
      Promise.all([
        db.delivery.findUniqueOrThrow({ where: { id } }),
        db.job.findMany({ where: { subjectId: id }, orderBy: { id: "asc" } }),
        db.exchange.count({ where: { runId } }),
      ]);
    const before = await snapshot();
    const messages: BusMessage[] = [];
    const unsubscribe = subscribe((message) => messages.push(message));

    const counted = await countAs(editor).finally(unsubscribe);
    expect(counted.body).toEqual({ matched: 1, hasMore: false });
    expect(await snapshot()).toEqual(before);
    expect(messages).toEqual([]);
    expect(hook.requests).toHaveLength(1);
  });
});
