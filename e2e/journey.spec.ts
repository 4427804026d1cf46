import { expect, test } from "@playwright/test";
import { verifyWebhook } from "../lib/webhooks/verify-webhook";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

let api: Receiver;
let hook: Receiver;
let signingSecret = "";

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ shipment: "SHP-77" }) }));
  // The receiver checks each delivery's signature the way a real consumer would.
  hook = await startReceiver((request) => {
    const result = verifyWebhook({
      secret: signingSecret,
      headers: request.headers as Record<string, string>,
      rawBody: request.body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    return result.ok
      ? { status: 200, body: JSON.stringify({ verified: true }) }
      : { status: 401, body: JSON.stringify({ verified: false, reason: result.reason }) };
  });
});

test.afterAll(async () => {
  await api.close();
  await hook.close();
});

test("a workflow built in the browser receives an event, calls an API and delivers a signed webhook, all visible live in the log", async ({
  page,
  request,
}) => {
  await createWorkflow(page, "Order fulfilment");
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);

  await dropFromPalette(page, "Webhook trigger", { x: 200, y: 80 });
  await expect(canvasNode(page, "webhook1")).toBeVisible();
  await dropFromPalette(page, "HTTP request", { x: 200, y: 260 });
  await expect(canvasNode(page, "http1")).toBeVisible();
  await dropFromPalette(page, "Send webhook", { x: 200, y: 440 });
  await expect(canvasNode(page, "send1")).toBeVisible();

  await connect(page, "webhook1", "http1");
  await connect(page, "http1", "send1");

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "http1").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${api.url}/fulfil`);
  await inspector
    .getByLabel("Body", { exact: true })
    .fill('{"order": "{{trigger.body.order.id}}"}');

  await canvasNode(page, "send1").click();
  await inspector.getByLabel("Endpoint URL", { exact: true }).fill(`${hook.url}/hook`);
  await inspector.getByLabel("Event type", { exact: true }).fill("order.fulfilled");
  await inspector
    .getByLabel("Payload", { exact: true })
    .fill(
      '{"order": "{{trigger.body.order.id}}", "shipment": "{{steps.http1.response.body.shipment}}"}',
    );
  await inspector.getByRole("button", { name: "Generate" }).click();
  signingSecret = await inspector.getByLabel("Signing secret", { exact: true }).inputValue();
  expect(signingSecret).toMatch(/^whsec_/);

  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  const inboundUrl = await page.getByLabel("Inbound URL").inputValue();
  expect(inboundUrl).toMatch(/\/hooks\/[A-Za-z0-9_-]{32}$/);

  // Other tests share this server; the log, filtered to this workflow by its URL, shows only ours.
  const workflowId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await page.getByRole("link", { name: "Delivery log" }).click();
  await page.getByLabel("Workflow", { exact: true }).selectOption({ label: "Order fulfilment" });
  await expect(page).toHaveURL(new RegExp(`workflowId=${workflowId}`));
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  const response = await request.post(inboundUrl, { data: { order: { id: "A-1001" } } });
  expect(response.status()).toBe(202);

  const log = page.getByRole("main");
  await expect(log.getByRole("link", { name: /^Inbound POST/ })).toBeVisible();
  await expect(log.getByRole("link", { name: /^API call POST .*\/fulfil/ })).toBeVisible();
  const attempt = log.getByRole("link", { name: /^Webhook attempt #1 POST .*\/hook/ });
  await expect(attempt).toBeVisible();

  await attempt.click();
  const details = page.getByRole("region", { name: "Exchange details" });
  const requestHeaders = details.getByRole("table", { name: "Request headers" });
  await expect(requestHeaders.getByRole("row", { name: /webhook-signature v1,/ })).toBeVisible();
  await expect(details.getByRole("table", { name: "Response headers" })).toBeVisible();
  await expect(details.getByText('"verified": true')).toBeVisible();

  expect(hook.requests).toHaveLength(1);
  const delivered = JSON.parse(hook.requests[0]?.body ?? "{}") as { data: unknown };
  expect(delivered.data).toEqual({ order: "A-1001", shipment: "SHP-77" });

  await details.getByRole("button", { name: "Resend" }).click();
  await expect(log.getByRole("link", { name: /^Webhook attempt #2 POST .*\/hook/ })).toBeVisible();
  expect(hook.requests).toHaveLength(2);
  expect(hook.requests[1]?.headers["webhook-id"]).toBe(hook.requests[0]?.headers["webhook-id"]);
});
