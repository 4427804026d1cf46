import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as stats from "@/app/api/admin/stats/route";
import * as resendOne from "@/app/api/deliveries/[id]/resend/route";
import * as resendMany from "@/app/api/deliveries/resend/route";
import * as enable from "@/app/api/endpoints/[id]/enable/route";
import * as rerun from "@/app/api/runs/[id]/rerun/route";
import type { AdminStatsView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { saveDraft } from "@/lib/workflows/save-draft";
import { createPendingDeliveries, sendGraph, testEnv } from "./support/delivery-fixtures";
import { startReceiver, type Receiver, type Reply } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let admin: TestUser;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  admin = await createTestUser("admin");
  editor = await createTestUser("editor", admin.workspaceId);
  viewer = await createTestUser("viewer", admin.workspaceId);
  outsider = await createTestUser("admin");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(reply: (request: unknown, index: number) => Reply): Promise<Receiver> {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

/** Runs a delivery's due attempt the way the worker would, without a worker. */
function attempt(deliveryId: string) {
  return attemptDelivery(deliveryId, { db: getDb(), env: testEnv, retryDelaysMs: [] });
}

function postResend(user: TestUser, deliveryId: string) {
  const path = `/api/deliveries/${deliveryId}/resend`;
  return resendOne.POST(apiRequest("POST", path, { user }), routeParams({ id: deliveryId }));
}

function postBulkResend(user: TestUser, body: unknown) {
  return resendMany.POST(
    apiRequest("POST", "/api/deliveries/resend", { user, body }),
    routeParams({}),
  );
}

function postRerun(user: TestUser, runId: string, body: unknown) {
  const request = apiRequest("POST", `/api/runs/${runId}/rerun`, { user, body });
  return rerun.POST(request, routeParams({ id: runId }));
}

/** One delivery that failed with a 500 and no retries left. */
async function failedDelivery(url: string) {
  const created = await createPendingDeliveries(editor, [{ url }]);
  const id = created.deliveryIds[0] ?? "";
  await attempt(id);
  return { ...created, id };
}

describe("resending one delivery", () => {
  it("sends a failed delivery again now, under the same message id", async () => {
    const hook = await receiver((_request, index) => ({ status: index === 0 ? 500 : 200 }));
    const { id } = await failedDelivery(hook.url);
    const db = getDb();
    expect((await db.delivery.findUniqueOrThrow({ where: { id } })).status).toBe("failed");

    const response = await postResend(editor, id);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ delivery: { id, status: "pending" } });
    const job = await db.job.findFirstOrThrow({ where: { subjectId: id, status: "queued" } });
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(job.concurrencyKey).toBe(`endpoint:${hook.url}`);

    await attempt(id);
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "delivered",
      attempts: 2,
    });
    const [first, second] = hook.requests;
    expect(second?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
    expect(second?.body).toBe(first?.body);
  });

  it("sends a delivered delivery again as well", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";
    await attempt(id);

    expect((await postResend(admin, id)).status).toBe(202);
    await attempt(id);
    expect(hook.requests).toHaveLength(2);
  });

  it("starts the retry schedule afresh", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const { id } = await failedDelivery(hook.url);
    await postResend(editor, id);

    const outcome = await attemptDelivery(id, {
      db: getDb(),
      env: testEnv,
      retryDelaysMs: [60_000],
      random: () => 0.5,
    });
    expect(outcome.type).toBe("retry_at");
  });

  it("refuses viewers, other workspaces, deliveries still pending and disabled endpoints", async () => {
    const hook = await receiver(() => ({ status: 410 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    expect(await (await postResend(editor, id)).json()).toMatchObject({
      error: { code: "conflict" },
    });
    await attempt(id);
    expect((await postResend(viewer, id)).status).toBe(403);
    expect((await postResend(outsider, id)).status).toBe(404);
    const disabled = await postResend(editor, id);
    expect(disabled.status).toBe(409);
    const { error } = (await disabled.json()) as { error: { message: string } };
    expect(error.message).toContain("disabled");
  });
});

describe("resending failed deliveries in bulk", () => {
  it("resends the failed deliveries the filter matches and says how many", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const other = await receiver(() => ({ status: 500 }));
    const first = await failedDelivery(`${hook.url}/a`);
    const second = await failedDelivery(`${hook.url}/a`);
    const elsewhere = await failedDelivery(`${other.url}/b`);

    const response = await postBulkResend(editor, { endpointUrl: `${hook.url}/a` });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ resent: 2, hasMore: false });
    const statuses = await getDb().delivery.findMany({
      where: { id: { in: [first.id, second.id, elsewhere.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((d) => [d.id, d.status]))).toEqual({
      [first.id]: "pending",
      [second.id]: "pending",
      [elsewhere.id]: "failed",
    });
  });

  it("filters by workflow and creation time", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const target = await failedDelivery(`${hook.url}/w`);
    await failedDelivery(`${hook.url}/w`);
    const created = await getDb().delivery.findUniqueOrThrow({ where: { id: target.id } });

    const none = await postBulkResend(editor, {
      workflowId: target.workflowId,
      to: created.createdAt.toISOString(),
    });
    expect(await none.json()).toEqual({ resent: 0, hasMore: false });
    const one = await postBulkResend(editor, {
      workflowId: target.workflowId,
      from: created.createdAt.toISOString(),
    });
    expect(await one.json()).toEqual({ resent: 1, hasMore: false });
  });

  it("refuses viewers and malformed filters", async () => {
    expect((await postBulkResend(viewer, {})).status).toBe(403);
    const invalid = await postBulkResend(editor, { from: "yesterday" });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "validation_failed" } });
  });
});

describe("re-running a run", () => {
  it("starts a new run with the same trigger data on the pinned or the current version", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { runId, workflowId } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const db = getDb();
    const original = await db.run.findUniqueOrThrow({ where: { id: runId } });
    const edited = sendGraph([{ url: `${hook.url}/v2` }]);
    await saveDraft(editor.workspaceId, editor.id, workflowId, edited);
    const active = await db.workflow.findUniqueOrThrow({ where: { id: workflowId } });
    expect(active.activeVersionId).not.toBe(original.versionId);

    const pinned = await postRerun(editor, runId, { version: "pinned" });
    expect(pinned.status).toBe(202);
    const pinnedRun = await db.run.findUniqueOrThrow({
      where: { id: ((await pinned.json()) as { runId: string }).runId },
    });
    expect(pinnedRun).toMatchObject({
      rerunOfId: runId,
      versionId: original.versionId,
      triggerData: original.triggerData,
      status: "queued",
    });
    expect(await db.job.count({ where: { subjectId: pinnedRun.id, kind: "execute_run" } })).toBe(1);

    const current = await postRerun(editor, runId, { version: "current" });
    const currentRun = await db.run.findUniqueOrThrow({
      where: { id: ((await current.json()) as { runId: string }).runId },
    });
    expect(currentRun).toMatchObject({ rerunOfId: runId, versionId: active.activeVersionId });
  });

  it("refuses viewers, other workspaces and unknown versions", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { runId } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    expect((await postRerun(viewer, runId, { version: "pinned" })).status).toBe(403);
    expect((await postRerun(outsider, runId, { version: "pinned" })).status).toBe(404);
    expect((await postRerun(editor, runId, { version: "latest" })).status).toBe(400);
  });
});

describe("disabled endpoints", () => {
  it("are listed for admins and can be re-enabled by an editor", async () => {
    const hook = await receiver(() => ({ status: 410 }));
    const url = `${hook.url}/retired`;
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url }]);
    await attempt(deliveryIds[0] ?? "");

    const before = (await (
      await stats.GET(apiRequest("GET", "/api/admin/stats", { user: admin }), routeParams({}))
    ).json()) as AdminStatsView;
    const listed = before.disabledEndpoints.find((endpoint) => endpoint.url === url);
    expect(listed).toMatchObject({
      status: "disabled",
      disabledReason: "The receiver answered 410 Gone",
    });
    const id = listed?.id ?? "";

    const enableAs = (user: TestUser) =>
      enable.POST(apiRequest("POST", `/api/endpoints/${id}/enable`, { user }), routeParams({ id }));
    expect((await enableAs(viewer)).status).toBe(403);
    expect((await enableAs(outsider)).status).toBe(404);
    const enabled = await enableAs(editor);
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toMatchObject({
      endpoint: { id, status: "active", failingSince: null, disabledAt: null },
    });

    const after = (await (
      await stats.GET(apiRequest("GET", "/api/admin/stats", { user: admin }), routeParams({}))
    ).json()) as AdminStatsView;
    expect(after.disabledEndpoints.some((endpoint) => endpoint.id === id)).toBe(false);
    expect((await postResend(editor, deliveryIds[0] ?? "")).status).toBe(202);
  });
});
