import { expect, test } from "@playwright/test";
import type { Graph } from "../lib/workflow/graph";
import { TEST_SECRET } from "../tests/integration/support/graphs";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi } from "./support/api";

const BULK_VIEWER = {
  name: "Val Viewer",
  email: "val@example.test",
  password: "viewer password 2",
};

let hook: Receiver;
/** What the receiver answers; the test turns it from failing to healthy. */
let hookStatus = 500;

test.beforeAll(async () => {
  hook = await startReceiver(() => ({ status: hookStatus }));
});

test.afterAll(async () => {
  await hook.close();
});

/** Webhook trigger → Send webhook to `url`, on the installation's retry schedule. */
function sendWebhookGraph(url: string): Graph {
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
          headers: {},
          secret: TEST_SECRET,
          timeoutMs: 2000,
          retrySchedule: "",
        },
      },
    ],
    edges: [{ id: "webhook1-send1", source: "webhook1", target: "send1" }],
  };
}

test("an editor sees how many failed deliveries match, resends them, and the new attempts arrive in the log", async ({
  page,
  request,
}) => {
  const url = `${hook.url}/orders`;
  const workflow = await createWorkflowViaApi(request, "Order events", sendWebhookGraph(url), {
    activate: true,
  });
  for (const order of ["C-1", "C-2"]) {
    expect((await request.post(workflow.inboundPath, { data: { order } })).status()).toBe(202);
  }
  const countPath = `/api/deliveries/resend?workflowId=${workflow.id}`;
  await expect
    .poll(
      async () => ((await (await request.get(countPath)).json()) as { matched: number }).matched,
    )
    .toBe(2);
  hookStatus = 200;

  await page.goto(`/deliveries?workflowId=${workflow.id}`);
  const log = page.getByRole("main");
  const lastFailures = log.getByRole("link", { name: /^Webhook attempt #3 POST .*\/orders$/ });
  await expect(lastFailures).toHaveCount(2);
  await lastFailures.first().click();
  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details).toBeVisible();

  const openButton = page.getByRole("button", { name: "Resend failed…" });
  await openButton.click();
  const dialog = page.getByRole("dialog", { name: "Resend failed deliveries" });
  await expect(dialog.getByLabel("Workflow", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(openButton).toBeFocused();
  await expect(details).toBeVisible();

  await openButton.click();
  const count = dialog.getByRole("status");
  await expect(dialog.getByLabel("Workflow", { exact: true })).toHaveValue(workflow.id);
  await expect(count).toHaveText("2 failed deliveries match.");

  const endpoint = dialog.getByLabel("Endpoint URL", { exact: true });
  await endpoint.fill(`${hook.url}/elsewhere`);
  await expect(count).toHaveText("No failed deliveries match.");
  await expect(dialog.getByRole("button", { name: "Resend", exact: true })).toBeDisabled();
  await endpoint.fill(url);
  await dialog.getByLabel("From", { exact: true }).fill("2099-01-01T00:00");
  await expect(count).toHaveText("No failed deliveries match.");
  await dialog.getByLabel("To", { exact: true }).fill("2098-01-01T00:00");
  await expect(dialog.getByText("The end must be after the start.")).toBeVisible();
  await dialog.getByLabel("From", { exact: true }).fill("");
  await expect(count).toHaveText("2 failed deliveries match.");

  await dialog.getByRole("button", { name: "Resend 2 deliveries" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Resent 2 deliveries", { exact: true })).toBeVisible();
  const resent = log.getByRole("link", { name: /^Webhook attempt #4 POST .*\/orders$/ });
  await expect(resent).toHaveCount(2);
  for (const row of await log.getByRole("row").filter({ has: resent }).all()) {
    await expect(row.getByRole("cell", { name: "200", exact: true })).toBeVisible();
    await expect(row.getByRole("img", { name: "Replay" })).toBeVisible();
  }
  expect(hook.requests).toHaveLength(8);
});

test("a viewer reads the log without the bulk resend action", async ({
  page,
  browser,
  baseURL,
}) => {
  const invited = await page.request.post("/api/users", {
    data: { ...BULK_VIEWER, role: "viewer" },
  });
  expect(invited.status()).toBe(201);

  const viewerContext = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const viewer = await viewerContext.newPage();
  await viewer.goto("/signin");
  await viewer.getByLabel("Email").fill(BULK_VIEWER.email);
  await viewer.getByLabel("Password").fill(BULK_VIEWER.password);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer).toHaveURL(/\/workflows$/);
  await viewer.goto("/deliveries");
  await expect(viewer.getByRole("heading", { name: "Delivery log" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Resend failed…" })).toHaveCount(0);
  await viewerContext.close();
});
