import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { canvasNode } from "./support/canvas";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ ok: true }) }));
});

test.afterAll(async () => {
  await api.close();
});

test("a template field offers the captured event's paths, previews the value, and flags a missing path", async ({
  page,
  request,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Order lookup",
    triggerAndCallGraph(`${api.url}/orders`),
    { activate: false },
  );
  await page.goto(`/workflows/${workflow.id}`);
  await page.getByRole("tab", { name: "Inbound" }).click();
  const panel = page.getByRole("tabpanel", { name: "Inbound" });
  await panel.getByRole("button", { name: "Listen for a test event" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Listening" })).toBeVisible();
  const testUrl = await panel.getByLabel("Test URL", { exact: true }).inputValue();
  const captured = await request.post(testUrl, { data: { order: { id: "T-7", total: 12 } } });
  expect(captured.status()).toBe(200);
  await expect(panel.getByRole("region", { name: "Captured request" })).toBeVisible();

  await canvasNode(page, "http1").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  const url = inspector.getByRole("combobox", { name: "URL", exact: true });
  await url.fill("");
  await url.pressSequentially("https://api.example.test/orders/{{ trigger.");

  const paths = inspector.getByRole("listbox", { name: "Paths for URL" });
  await expect(url).toHaveAttribute("aria-expanded", "true");
  const orderId = paths.getByRole("option", { name: "trigger.body.order.id", exact: true });
  await expect(orderId).toHaveAccessibleDescription("T-7");
  await expect(paths.getByRole("option", { name: "trigger.body.order.total" })).toBeVisible();
  await expect(paths.getByRole("option").first()).toHaveAccessibleName("trigger.body");

  await url.press("ArrowDown");
  await url.press("ArrowDown");
  await expect(orderId).toHaveAttribute("aria-selected", "true");
  await url.press("Enter");
  await expect(paths).toBeHidden();
  await expect(url).toHaveValue("https://api.example.test/orders/{{ trigger.body.order.id }}");

  const preview = inspector.getByRole("region", { name: "Preview of URL" });
  await expect(preview).toContainText("https://api.example.test/orders/T-7");

  await url.pressSequentially("?total={{");
  await expect(paths).toBeVisible();
  await url.press("Escape");
  await expect(paths).toBeHidden();
  await expect(inspector).toBeVisible();

  await url.pressSequentially(" trigger.body.totl }}");
  await expect(preview).toContainText(
    "{{trigger.body.totl}} is not in the last captured event (trigger.body has no key 'totl')",
  );
  await expect(url).toHaveValue(
    "https://api.example.test/orders/{{ trigger.body.order.id }}?total={{ trigger.body.totl }}",
  );

  await url.fill("https://api.example.test/{{ steps.http9.status }}");
  await expect(preview).toContainText(
    "{{steps.http9.status}}: there is no step http9 before this one, so a run fails here",
  );
});

test("a later step is offered the earlier steps' outputs from the last run, and not its own", async ({
  page,
  request,
}) => {
  const graph = triggerAndCallGraph(`${api.url}/orders`);
  graph.nodes.push({
    id: "http2",
    type: "http-request",
    position: { x: 0, y: 320 },
    config: { method: "GET", url: `${api.url}/next`, timeoutMs: 2000 },
  });
  graph.edges.push({ id: "http1-http2", source: "http1", target: "http2" });
  const workflow = await createWorkflowViaApi(request, "Order chain", graph, { activate: false });
  await page.goto(`/workflows/${workflow.id}`);
  await page.getByRole("tab", { name: "Inbound" }).click();
  const panel = page.getByRole("tabpanel", { name: "Inbound" });
  await panel.getByRole("button", { name: "Listen for a test event" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Listening" })).toBeVisible();
  const testUrl = await panel.getByLabel("Test URL", { exact: true }).inputValue();
  expect((await request.post(testUrl, { data: { order: { id: "T-8" } } })).status()).toBe(200);
  await panel.getByRole("button", { name: "Run with this event" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByText("Succeeded").first()).toBeVisible();

  await page.goto(`/workflows/${workflow.id}`);
  await canvasNode(page, "http2").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  const url = inspector.getByRole("combobox", { name: "URL", exact: true });
  await url.fill("https://api.example.test/{{steps.http1.response.st");
  const status = inspector
    .getByRole("listbox", { name: "Paths for URL" })
    .getByRole("option", { name: "steps.http1.response.status", exact: true });
  await expect(status).toHaveAccessibleDescription("200");
  await url.press("Tab");
  await expect(url).toHaveValue("https://api.example.test/{{steps.http1.response.status}}");
  await expect(inspector.getByRole("region", { name: "Preview of URL" })).toContainText(
    "https://api.example.test/200",
  );

  await canvasNode(page, "http1").click();
  await url.fill("{{steps.");
  await expect(
    inspector.getByRole("option", { name: "steps.webhook1", exact: true }),
  ).toBeVisible();
  await expect(inspector.getByRole("option", { name: /^steps\.http/ })).toHaveCount(0);
});
