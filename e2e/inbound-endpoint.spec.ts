import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ ok: true }) }));
});

test.afterAll(async () => {
  await api.close();
});

/** The side panel's inbound view, opened from its tab. */
async function openInboundPanel(page: Page) {
  await page.getByRole("tab", { name: "Inbound" }).click();
  return page.getByRole("tabpanel", { name: "Inbound" });
}

test("a request to the test URL shows up in the editor while it listens, and runs the draft", async ({
  page,
  request,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Order intake",
    triggerAndCallGraph(`${api.url}/orders`),
    { activate: false },
  );
  await page.goto(`/workflows/${workflow.id}`);
  const panel = await openInboundPanel(page);
  await expect(panel.getByText("No request captured yet.")).toBeVisible();

  await panel.getByRole("button", { name: "Listen for a test event" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Listening" })).toHaveText(
    /Listening · [12]:\d\d left/,
  );

  const testUrl = await panel.getByLabel("Test URL", { exact: true }).inputValue();
  expect(testUrl).toMatch(/\/hooks\/[A-Za-z0-9_-]+\/test$/);
  const captured = await request.post(`${testUrl}?source=e2e`, {
    headers: { "x-shop": "north" },
    data: { order: { id: "T-7", total: 12 } },
  });
  expect(captured.status()).toBe(200);

  const event = panel.getByRole("region", { name: "Captured request" });
  await expect(event.getByText("POST", { exact: true })).toBeVisible();
  await expect(event.getByLabel("Captured body")).toContainText('"id": "T-7"');
  await expect(event.getByText("Not verified: verification is none.")).toBeVisible();
  const paths = event.getByRole("list", { name: "Template paths", exact: true });
  await expect(paths.getByText("{{trigger.body.order.id}}", { exact: true })).toBeVisible();
  await expect(paths.getByText("{{trigger.query.source}}", { exact: true })).toBeVisible();
  await event.getByText("Header paths").click();
  await expect(
    event
      .getByRole("list", { name: "Header template paths" })
      .getByText("{{trigger.headers.x-shop}}", { exact: true }),
  ).toBeVisible();
  await expect(paths.getByRole("button", { name: "Copy {{trigger.body.order.id}}" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Listen for a test event" })).toBeVisible();

  await panel.getByRole("button", { name: "Run with this event" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByText("Succeeded").first()).toBeVisible();
  expect(api.requests.some((received) => received.url === "/orders")).toBe(true);
});

test("the production URL says why it is not live until the trigger's secret is set, then verifies senders", async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Signed pushes",
    triggerAndCallGraph(`${api.url}/pushes`),
    { activate: false },
  );
  await page.goto(`/workflows/${workflow.id}`);
  const panel = await openInboundPanel(page);
  const state = panel.getByRole("status", { name: "Production URL state" });
  await expect(panel.getByText("Not live", { exact: true })).toBeVisible();
  await expect(state).toHaveText(/This workflow is inactive/);
  await expect(page.getByRole("button", { name: "Not live · inactive" })).toBeVisible();

  await canvasNode(page, "webhook1").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Verification", { exact: true }).selectOption("github");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();
  await page.getByRole("button", { name: "Activate", exact: true }).click();

  await page.getByRole("button", { name: "Not live · secret missing" }).click();
  await expect(state).toHaveText(/Verification is set to github but no secret is stored/);
  await expect(panel.getByText("No secret stored yet")).toBeVisible();

  const secretInput = panel.getByLabel("Verification secret");
  await expect(secretInput).toHaveAttribute("type", "password");
  await secretInput.fill(" pasted with a space ");
  await panel.getByRole("button", { name: "Save secret" }).click();
  await expect(secretInput).toHaveAccessibleDescription(/starts or ends with a space/);

  const secret = "it is a secret to everybody";
  await secretInput.fill(secret);
  await panel.getByRole("button", { name: "Save secret" }).click();
  await expect(panel.getByText("Secret saved. It is not shown again.")).toBeVisible();
  await expect(panel.getByText("Stored secret ends …body")).toBeVisible();
  await expect(panel.getByText("Live", { exact: true })).toBeVisible();
  await expect(state).toHaveText(/start runs of version 1/);
  await expect(page.getByRole("button", { name: "Live", exact: true })).toBeVisible();
  await expect(panel.getByLabel("New verification secret")).toHaveValue("");

  // A sender with no session, as GitHub would be.
  const outside = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const body = JSON.stringify({ ref: "refs/heads/main" });
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const signed = await outside.post(workflow.inboundPath, {
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    data: body,
  });
  expect(signed.status()).toBe(202);
  const forged = await outside.post(workflow.inboundPath, {
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": `sha256=${createHmac("sha256", "a guess").update(body).digest("hex")}`,
    },
    data: body,
  });
  expect(forged.status()).toBe(401);
  expect(await forged.json()).toMatchObject({ error: { code: "verification_failed" } });
  await outside.dispose();
});

test("a trigger that waits for the result answers with what the Respond node renders, and the log shows that answer", async ({
  page,
  request,
}) => {
  await createWorkflow(page, "Greeter");
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  const workflowId = new URL(page.url()).pathname.split("/").pop() ?? "";

  await dropFromPalette(page, "Webhook trigger", { x: 200, y: 80 });
  await expect(canvasNode(page, "webhook1")).toBeVisible();
  await dropFromPalette(page, "Respond", { x: 200, y: 260 });
  await expect(canvasNode(page, "respond1")).toContainText("Answers 200");
  await connect(page, "webhook1", "respond1");

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "webhook1").click();
  await inspector.getByLabel("Response", { exact: true }).selectOption("result");
  await expect(inspector.getByLabel("Response timeout (ms)", { exact: true })).toBeVisible();
  await canvasNode(page, "respond1").click();
  await inspector.getByLabel("Status code", { exact: true }).fill("201");
  await inspector.getByLabel("Body", { exact: true }).fill('{"hello": "{{trigger.body.name}}"}');
  await expect(canvasNode(page, "respond1")).toContainText("Answers 201");

  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByRole("button", { name: "Live", exact: true })).toBeVisible();
  const inboundUrl = await page.getByLabel("Inbound URL").inputValue();

  const answered = await request.post(inboundUrl, { data: { name: "Ada" } });
  expect(answered.status()).toBe(201);
  expect(await answered.json()).toEqual({ hello: "Ada" });

  await page.goto(`/deliveries?workflowId=${workflowId}&kind=inbound`);
  const log = page.getByRole("main");
  const inbound = page.getByRole("link", { name: /^Inbound POST \/hooks\// });
  await expect(log.getByRole("row").filter({ has: inbound })).toContainText("201");
  await log.getByRole("row").filter({ has: inbound }).getByRole("link").click();
  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByText(/^Status\s*201/)).toBeVisible();
  await expect(details.getByText('"hello": "Ada"')).toBeVisible();
});
