import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ received: true }) }));
});

test.afterAll(async () => {
  await api.close();
});

test("a manual trigger runs the draft with the typed test payload, and the run page shows each step", async ({
  page,
}) => {
  await createWorkflow(page, "Try it out");

  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "HTTP request", { x: 200, y: 260 });
  await connect(page, "manual1", "http1");

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "http1").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${api.url}/echo`);
  await inspector
    .getByLabel("Body", { exact: true })
    .fill('{"greeting": "{{trigger.body.hello}}"}');

  await canvasNode(page, "manual1").click();
  await inspector.getByLabel("Test payload", { exact: true }).fill('{"hello": "from the editor"}');
  await inspector.getByRole("button", { name: "Run", exact: true }).click();
  await inspector.getByRole("link", { name: "view run" }).click();

  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByText("Succeeded").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "manual1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "http1" })).toBeVisible();
  expect(JSON.parse(api.requests[0]?.body ?? "{}")).toEqual({ greeting: "from the editor" });

  await page.getByRole("link", { name: "Exchange 1" }).click();
  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByText('"greeting": "from the editor"').first()).toBeVisible();
});
