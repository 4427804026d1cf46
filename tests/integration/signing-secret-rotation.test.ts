import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resendDelivery } from "@/lib/deliveries/resend-delivery";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { generateSigningSecret } from "@/lib/webhooks/generate-signing-secret";
import { verifyWebhook } from "@/lib/webhooks/verify-webhook";
import type { Graph } from "@/lib/workflow/graph";
import { saveDraft } from "@/lib/workflows/save-draft";
import { activateWorkflow, deactivateWorkflow } from "@/lib/workflows/set-workflow-active";
import {
  createPendingDeliveries,
  manualClock,
  sendGraph,
  testEnv,
  type SendSettings,
} from "./support/delivery-fixtures";
import { TEST_SECRET } from "./support/graphs";
import { startReceiver, type ReceivedRequest, type Receiver, type Reply } from "./support/receiver";
import { createTestUser, type TestUser } from "./support/session";

const OLD_SECRET = TEST_SECRET;
const NEW_SECRET = generateSigningSecret();
const GRACE_MS = 60 * 60_000;

type Clock = ReturnType<typeof manualClock>;

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(reply: (request: ReceivedRequest, index: number) => Reply) {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

/** A receiver that knows one secret and answers 401 to messages it cannot verify with it. */
function verifyingReceiver(secret: string, clock: Clock): Promise<Receiver> {
  return receiver((request) => {
    const verdict = verifyWebhook({
      secret,
      headers: stringHeaders(request.headers),
      rawBody: request.body,
      nowSeconds: Math.floor(clock.now().getTime() / 1000),
    });
    return { status: verdict.ok ? 204 : 401 };
  });
}

function stringHeaders(headers: ReceivedRequest["headers"]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

function signaturesOf(request: ReceivedRequest | undefined): string[] {
  const header = request?.headers["webhook-signature"];
  return typeof header === "string" ? header.split(" ") : [];
}

/** The graph `createPendingDeliveries` activates, with every node's secret set to `secret`. */
function graphWithSecret(sends: readonly SendSettings[], secret: string): Graph {
  const graph = sendGraph(sends);
  const nodes = graph.nodes.map((node) =>
    node.type === "send-webhook" ? { ...node, config: { ...node.config, secret } } : node,
  );
  return { ...graph, nodes };
}

/** Rotates every node to `secret` the explicit way: a new draft, then Activate. */
async function rotateAndActivate(
  workflowId: string,
  sends: readonly SendSettings[],
  secret: string,
  clock: Clock,
) {
  await deactivateWorkflow(editor.workspaceId, workflowId);
  await saveDraft(editor.workspaceId, editor.id, workflowId, graphWithSecret(sends, secret));
  const activated = await activateWorkflow(editor.workspaceId, editor.id, workflowId, {
    now: clock.now(),
    graceMs: GRACE_MS,
  });
  expect(activated.ok).toBe(true);
}

function attempt(deliveryId: string, clock: Clock) {
  return attemptDelivery(deliveryId, {
    db: getDb(),
    env: testEnv,
    retryDelaysMs: [],
    now: clock.now,
  });
}

async function statusOf(deliveryId: string): Promise<string> {
  return (await getDb().delivery.findUniqueOrThrow({ where: { id: deliveryId } })).status;
}

describe("rotating a Send webhook node's signing secret", () => {
  it("signs with the old and the new secret, so receivers holding either accept", async () => {
    const clock = manualClock(new Date());
    const holdsOld = await verifyingReceiver(OLD_SECRET, clock);
    const holdsNew = await verifyingReceiver(NEW_SECRET, clock);
    const sends = [{ url: holdsOld.url }, { url: holdsNew.url }];
    const { workflowId, deliveryIds } = await createPendingDeliveries(editor, sends);

    await rotateAndActivate(workflowId, sends, NEW_SECRET, clock);
    for (const id of deliveryIds) await attempt(id, clock);

    expect(await Promise.all(deliveryIds.map(statusOf))).toEqual(["delivered", "delivered"]);
    const [received] = holdsOld.requests;
    expect(signaturesOf(received)).toHaveLength(2);
    const headers = stringHeaders(received?.headers ?? {});
    for (const secret of [OLD_SECRET, NEW_SECRET]) {
      expect(() => new Webhook(secret).verify(received?.body ?? "", headers)).not.toThrow();
    }
  });

  it("keeps the old secret until the grace period after activation ends", async () => {
    const clock = manualClock(new Date());
    const sends = [{ url: "http://127.0.0.1:9/unused" }];
    const { workflowId } = await createPendingDeliveries(editor, sends);

    await rotateAndActivate(workflowId, sends, NEW_SECRET, clock);

    const rows = await getDb().retiredSigningSecret.findMany({ where: { workflowId } });
    expect(rows).toEqual([
      expect.objectContaining({
        nodeId: "send1",
        secret: OLD_SECRET,
        expiresAt: new Date(clock.now().getTime() + GRACE_MS),
      }),
    ]);
  });

  it("also retires the old secret when saving an active workflow publishes the new one", async () => {
    const clock = manualClock(new Date());
    const hook = await verifyingReceiver(OLD_SECRET, clock);
    const sends = [{ url: hook.url }];
    const { workflowId, deliveryIds } = await createPendingDeliveries(editor, sends);

    await saveDraft(editor.workspaceId, editor.id, workflowId, graphWithSecret(sends, NEW_SECRET));
    await attempt(deliveryIds[0] ?? "", clock);

    expect(await statusOf(deliveryIds[0] ?? "")).toBe("delivered");
    expect(signaturesOf(hook.requests[0])).toHaveLength(2);
  });

  it("signs with the new secret alone once the grace period has passed", async () => {
    const clock = manualClock(new Date());
    const holdsOld = await verifyingReceiver(OLD_SECRET, clock);
    const holdsNew = await verifyingReceiver(NEW_SECRET, clock);
    const sends = [{ url: holdsOld.url }, { url: holdsNew.url }];
    const { workflowId, deliveryIds } = await createPendingDeliveries(editor, sends);
    await rotateAndActivate(workflowId, sends, NEW_SECRET, clock);

    clock.advance(GRACE_MS);
    for (const id of deliveryIds) await attempt(id, clock);

    expect(await Promise.all(deliveryIds.map(statusOf))).toEqual(["failed", "delivered"]);
    const rejected = holdsOld.requests[0];
    expect(signaturesOf(rejected)).toHaveLength(1);
    const withNewSecret = verifyWebhook({
      secret: NEW_SECRET,
      headers: stringHeaders(rejected?.headers ?? {}),
      rawBody: rejected?.body ?? "",
      nowSeconds: Math.floor(clock.now().getTime() / 1000),
    });
    expect(withNewSecret).toEqual({ ok: true });
    expect(signaturesOf(holdsNew.requests[0])).toHaveLength(1);
    expect(await getDb().retiredSigningSecret.count({ where: { workflowId } })).toBe(0);
  });

  it("stores neither secret in the attempt's exchange, even when the receiver echoes them", async () => {
    const clock = manualClock(new Date());
    const echo = `${OLD_SECRET} ${NEW_SECRET}`;
    const hook = await receiver(() => ({ status: 200, body: echo, headers: { "x-echo": echo } }));
    const sends = [{ url: hook.url }];
    const { workflowId, deliveryIds } = await createPendingDeliveries(editor, sends);
    await rotateAndActivate(workflowId, sends, NEW_SECRET, clock);

    await attempt(deliveryIds[0] ?? "", clock);

    const exchange = await getDb().exchange.findFirstOrThrow({
      where: { deliveryId: deliveryIds[0] ?? "" },
    });
    const stored = JSON.stringify(exchange);
    expect(signaturesOf(hook.requests[0])).toHaveLength(2);
    expect(exchange.requestHeaders).toContain("webhook-signature");
    expect(stored).not.toContain(OLD_SECRET);
    expect(stored).not.toContain(NEW_SECRET);
    expect(exchange.responseHeaders).toContain("[redacted]");
  });
});

describe("resending a delivery", () => {
  it("links each resent attempt's exchange to the attempt it repeats, and retries to none", async () => {
    const clock = manualClock(new Date());
    const hook = await receiver(() => ({ status: 500 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";
    const retryOnce = { db: getDb(), env: testEnv, retryDelaysMs: [0], now: clock.now };

    await attemptDelivery(id, retryOnce);
    await attemptDelivery(id, retryOnce);
    expect(await resendDelivery(editor.workspaceId, id, clock.now())).toMatchObject({ ok: true });
    await attemptDelivery(id, retryOnce);
    await attemptDelivery(id, retryOnce);
    expect(await resendDelivery(editor.workspaceId, id, clock.now())).toMatchObject({ ok: true });
    await attemptDelivery(id, retryOnce);

    const exchanges = await getDb().exchange.findMany({
      where: { deliveryId: id },
      orderBy: { attempt: "asc" },
    });
    const idOf = (attemptNumber: number) => exchanges[attemptNumber - 1]?.id;
    expect(exchanges.map((exchange) => [exchange.attempt, exchange.replayOfId])).toEqual([
      [1, null],
      [2, null],
      [3, idOf(2)],
      [4, null],
      [5, idOf(4)],
    ]);
  });
});
