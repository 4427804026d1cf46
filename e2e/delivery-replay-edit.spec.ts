import { expect, test } from "@playwright/test";
import type { Graph } from "../lib/workflow/graph";
import { verifyWebhook } from "../lib/webhooks/verify-webhook";
import { TEST_SECRET } from "../tests/integration/support/graphs";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi } from "./support/api";

let failing: Receiver;
let verifying: Receiver;

test.beforeAll(async () => {
  failing = await startReceiver(() => ({ status: 500, body: '{"error":"down for maintenance"}' }));
  // Accepts only what a Standard Webhooks consumer would: a valid, current signature.
  verifying = await startReceiver((request) => {
    const verdict = verifyWebhook({
      secret: TEST_SECRET,
      headers: request.headers as Record<string, string>,
      rawBody: request.body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    return { status: verdict.ok ? 200 : 401, body: JSON.stringify(verdict) };
  });
});

test.afterAll(async () => {
  await failing.close();
  await verifying.close();
});

/** Webhook trigger → Send webhook to `url` with its own retry schedule and extra headers. */
function sendWebhookGraph(
  url: string,
  retrySchedule: string,
  headers: Record<string, string> = {},
): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "send1",
        type: "send-webhook",
        position: { x: 0, y: 160 },
        config: {
          url,
          eventType: "order.created",
          payload: '{"order": "{{trigger.body.order}}"}',
          headers,
          secret: TEST_SECRET,
          timeoutMs: 2000,
          retrySchedule,
        },
      },
    ],
    edges: [{ id: "webhook1-send1", source: "webhook1", target: "send1" }],
  };
}

test("the inspector shows every attempt of a retrying delivery as it is made, and when the next one is due", async ({
  page,
  request,
}, testInfo) => {
  // The second attempt comes 4 to 6 s after the first (±20% jitter): time to open the first.
  const graph = sendWebhookGraph(`${failing.url}/orders`, "5s, 10m, 30m");
  const workflow = await createWorkflowViaApi(request, "Retrying orders", graph, {
    activate: true,
  });
  expect((await request.post(workflow.inboundPath, { data: { order: "T-1" } })).status()).toBe(202);
  await failing.waitForRequests(1);

  await page.goto(`/deliveries?workflowId=${workflow.id}`);
  const log = page.getByRole("main");
  await log.getByRole("link", { name: /^Webhook attempt #1 POST .*\/orders/ }).click();

  const timeline = page
    .getByRole("region", { name: "Exchange details" })
    .getByRole("region", { name: "Delivery timeline" });
  const first = timeline.getByRole("link", { name: "Attempt 1, answered 500" });
  const second = timeline.getByRole("link", { name: "Attempt 2, answered 500" });
  await expect(first).toHaveAttribute("aria-current", "true");
  await expect(timeline.getByText("Next: attempt 2")).toBeVisible();
  await expect(second).toBeHidden();

  await expect(second).toBeVisible();
  await expect(timeline.getByText("Next: attempt 3")).toBeVisible();
  // The 10 minute delay carries ±20% jitter.
  await expect(timeline.getByText(/^in (8|9|10|11|12) min$/)).toBeVisible();
  await expect(
    timeline.getByText("If it fails, then after 30 min (the node's schedule)."),
  ).toBeVisible();

  await second.click();
  await expect(second).toHaveAttribute("aria-current", "true");
  await expect(first).not.toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: testInfo.outputPath("delivery-timeline.png") });
});

test("a webhook attempt replayed with an edited body reaches its receiver signed afresh, and the new exchange opens linked to it", async ({
  page,
  request,
}, testInfo) => {
  const graph = sendWebhookGraph(`${verifying.url}/orders`, "", {
    authorization: "Bearer receiver-token-1",
  });
  const workflow = await createWorkflowViaApi(request, "Replayed orders", graph, {
    activate: true,
  });
  expect((await request.post(workflow.inboundPath, { data: { order: "R-1" } })).status()).toBe(202);
  const [original] = await verifying.waitForRequests(1);

  await page.goto(`/deliveries?workflowId=${workflow.id}`);
  const log = page.getByRole("main");
  await log.getByRole("link", { name: /^Webhook attempt #1 POST .*\/orders/ }).click();
  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByRole("link", { name: "Attempt 1, answered 200" })).toBeVisible();
  await expect(details.getByText("Delivered after 1 attempt")).toBeVisible();
  const originalId = new URL(page.url()).searchParams.get("exchange") ?? "";

  await details.getByRole("button", { name: "Replay with edits" }).click();
  const dialog = page.getByRole("dialog", { name: "Replay with edits" });
  await expect(dialog.getByLabel("URL", { exact: true })).toHaveValue(`${verifying.url}/orders`);
  await expect(dialog.getByLabel("Method", { exact: true })).toBeDisabled();
  const body = dialog.getByLabel("Body", { exact: true });
  const send = dialog.getByRole("button", { name: "Send" });
  await body.fill('{"order": "R-1", "edited": ');
  await expect(dialog.getByText("this body is not valid JSON")).toBeVisible();
  await expect(send).toBeDisabled();
  await body.fill('{"order": "R-1", "edited": true}');
  await expect(send).toBeEnabled();

  // The log never kept the credential, so the dialog asks for it rather than send the mark.
  const authorization = dialog.getByRole("textbox", { name: "Value of authorization" });
  await expect(authorization).toHaveValue("[redacted]");
  await expect(dialog.getByText("The log redacted this value")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("replay-with-edits.png") });
  await send.click();
  await expect(dialog.getByRole("alert")).toContainText("authorization");
  expect(verifying.requests).toHaveLength(1);
  await authorization.fill("Bearer receiver-token-2");
  await dialog.getByRole("button", { name: "Send" }).click();

  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(new RegExp(`exchange=${originalId}`));
  await expect(details.getByText("Replay of", { exact: true })).toBeVisible();
  await expect(details.getByText('"edited": true')).toBeVisible();
  await expect(details.getByText('"ok": true')).toBeVisible();
  const replayed = verifying.requests[1];
  expect(replayed?.body).toBe('{"order": "R-1", "edited": true}');
  expect(replayed?.headers["webhook-id"]).toBe(original?.headers["webhook-id"]);
  expect(replayed?.headers.authorization).toBe("Bearer receiver-token-2");

  await details.getByRole("link", { name: "View exchange", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`exchange=${originalId}`));
  await expect(details.getByText("Replayed by", { exact: true })).toBeVisible();
});
