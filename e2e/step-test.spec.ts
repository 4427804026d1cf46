import { expect, test, type Page } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: '{"stored":true}' }));
});

test.afterAll(async () => {
  await api.close();
});

function inspectorOf(page: Page) {
  return page.getByRole("complementary", { name: "Inspector" });
}

test("a single step runs on its own with the last run's data, a pinned input, and shows why it failed", async ({
  page,
}) => {
  await createWorkflow(page, "Try steps");
  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "Transform", { x: 200, y: 240 });
  await dropFromPalette(page, "HTTP request", { x: 200, y: 400 });
  await connect(page, "manual1", "transform1");
  await connect(page, "transform1", "http1");

  const inspector = inspectorOf(page);
  await canvasNode(page, "transform1").click();
  await inspector
    .getByLabel("Expression", { exact: true })
    .fill('{ "total": $sum(trigger.body.lines.price) }');
  await canvasNode(page, "http1").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${api.url}/totals`);
  await inspector.getByLabel("Body", { exact: true }).fill('{"sum": "{{steps.transform1.total}}"}');

  // One whole run gives the steps their sample data.
  await canvasNode(page, "manual1").click();
  await inspector
    .getByLabel("Test payload", { exact: true })
    .fill('{"lines": [{"price": 4}, {"price": 6.5}]}');
  await inspector.getByRole("button", { name: "Run", exact: true }).click();
  await expect.poll(() => api.requests.map((received) => received.body)).toEqual(['{"sum":10.5}']);

  // The HTTP request alone, with what the Transform gave in that run.
  await canvasNode(page, "http1").click();
  const tryStep = inspector.getByRole("region", { name: "Try this step" });
  const input = tryStep.getByLabel("Step input (JSON)");
  await expect(input).toHaveValue(/"total": 10\.5/);
  await expect(tryStep.getByText("Pinned input")).toBeHidden();
  await tryStep.getByRole("button", { name: "Run step" }).click();
  const result = tryStep.getByRole("status", { name: "Step result" });
  await expect(result).toContainText("Succeeded");
  await expect(result).toContainText('"stored": true');
  expect(api.requests.map((received) => received.body)).toEqual(['{"sum":10.5}', '{"sum":10.5}']);

  // An edited input is pinned: it is used, and it is still there after a reload.
  await input.fill('{"trigger": null, "steps": {"transform1": {"total": 99}}}');
  await expect(tryStep.getByText("Pinned input")).toBeVisible();
  await tryStep.getByRole("button", { name: "Run step" }).click();
  await expect(result).toContainText("Succeeded");
  await expect.poll(() => api.requests.at(-1)?.body).toBe('{"sum":99}');

  await page.reload();
  await canvasNode(page, "http1").click();
  await expect(input).toHaveValue(/"total": 99/);
  await tryStep.getByRole("button", { name: "Use sample data instead" }).click();
  await expect(input).toHaveValue(/"total": 10\.5/);
  await expect(tryStep.getByText("Pinned input")).toBeHidden();

  // The canvas keeps showing the whole run, not the single steps tried since.
  await expect(inspector.getByRole("region", { name: "Last run" })).toContainText("Succeeded");

  // Bad JSON cannot be sent; a failing step says why, and nothing after it runs.
  await canvasNode(page, "transform1").click();
  await input.fill('{"trigger": ');
  await expect(tryStep.getByText(/Not valid JSON/)).toBeVisible();
  await expect(tryStep.getByRole("button", { name: "Run step" })).toBeDisabled();
  await input.fill('{"trigger": {"body": {"lines": [{"price": "four"}]}}}');
  const callsBefore = api.requests.length;
  await tryStep.getByRole("button", { name: "Run step" }).click();
  await expect(result).toContainText("Failed");
  await expect(result.getByText("Why it failed")).toBeVisible();
  expect(api.requests).toHaveLength(callsBefore);
});
