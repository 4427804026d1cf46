import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import {
  canvasNode,
  connect,
  connectBranch,
  createWorkflow,
  dropFromPalette,
} from "./support/canvas";

let big: Receiver;
let small: Receiver;

test.beforeAll(async () => {
  big = await startReceiver(() => ({ status: 200, body: '{"lane":"big"}' }));
  small = await startReceiver(() => ({ status: 200, body: '{"lane":"small"}' }));
});

test.afterAll(async () => {
  await big.close();
  await small.close();
});

test("a Condition drawn in the editor sends each event down the branch its rules choose", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await createWorkflow(page, "Order lanes");
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);

  await dropFromPalette(page, "Webhook trigger", { x: 150, y: 280 });
  await dropFromPalette(page, "Condition", { x: 460, y: 280 });
  await dropFromPalette(page, "HTTP request", { x: 800, y: 150 });
  await dropFromPalette(page, "HTTP request", { x: 800, y: 410 });
  await expect(canvasNode(page, "http2")).toBeVisible();

  await connect(page, "webhook1", "if1");
  await connectBranch(page, "if1", "true", "http1");
  await connectBranch(page, "if1", "false", "http2");
  await expect(page.locator(".react-flow__edge-text", { hasText: "true" })).toBeVisible();
  await expect(page.locator(".react-flow__edge-text", { hasText: "false" })).toBeVisible();

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "if1").click();
  await inspector.getByLabel("Rule 1 value").fill("{{trigger.body.total}}");
  await inspector.getByLabel("Rule 1 operator").selectOption("greater_than");
  await inspector.getByLabel("Rule 1 compared with").fill("100");
  await expect(canvasNode(page, "if1")).toContainText("{{trigger.body.total}} is greater than 100");

  await canvasNode(page, "http1").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${big.url}/big`);
  await inspector.getByLabel("Body", { exact: true }).fill('{"order": "{{trigger.body.id}}"}');
  await canvasNode(page, "http2").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${small.url}/small`);
  await inspector.getByLabel("Body", { exact: true }).fill('{"order": "{{trigger.body.id}}"}');

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await canvasNode(page, "if1").click();
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await page.screenshot({ path: test.info().outputPath("condition-branch.png") });

  const inboundUrl = await page.getByLabel("Inbound URL").inputValue();
  const large = await request.post(inboundUrl, { data: { id: "A-1", total: 250 } });
  const modest = await request.post(inboundUrl, { data: { id: "A-2", total: 40 } });
  expect(large.status()).toBe(202);
  expect(modest.status()).toBe(202);

  await expect
    .poll(() => big.requests.map((received) => received.body))
    .toEqual(['{"order":"A-1"}']);
  await expect
    .poll(() => small.requests.map((received) => received.body))
    .toEqual(['{"order":"A-2"}']);

  const { runId } = (await modest.json()) as { runId: string };
  await page.goto(`/runs/${runId}`);
  const steps = page.getByRole("main");
  const skipped = steps.getByRole("listitem").filter({ hasText: "http1" });
  await expect(skipped).toContainText("Skipped");
  await expect(skipped).toContainText("Not run: only a branch of a Condition that was not taken");
  await expect(steps.getByRole("listitem").filter({ hasText: "http2" })).toContainText("Succeeded");
  await expect(steps.getByRole("listitem").filter({ hasText: "if1" })).toContainText(
    '"result": false',
  );
  await skipped.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("condition-run.png") });
});

test("a Transform shows a syntax error where it is, and its value feeds the next request", async ({
  page,
}) => {
  await createWorkflow(page, "Reshape orders");

  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "Transform", { x: 200, y: 240 });
  await dropFromPalette(page, "HTTP request", { x: 200, y: 400 });
  await connect(page, "manual1", "transform1");
  await connect(page, "transform1", "http1");

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "transform1").click();
  const expression = inspector.getByLabel("Expression", { exact: true });
  await expression.fill('{ "total": $sum(trigger.body.lines.price) ');
  await expect(inspector.getByText(/At character \d+: Expected "}"/)).toBeVisible();
  await expect(
    canvasNode(page, "transform1").getByRole("img", { name: "1 problem" }),
  ).toBeVisible();
  await expression.fill('{ "total": $sum(trigger.body.lines.price) }');
  await expect(inspector.getByText(/At character/)).toBeHidden();

  await canvasNode(page, "http1").click();
  await inspector.getByLabel("Method", { exact: true }).selectOption("POST");
  await inspector.getByLabel("URL", { exact: true }).fill(`${big.url}/totals`);
  await inspector.getByLabel("Body", { exact: true }).fill('{"sum": "{{steps.transform1.total}}"}');

  await canvasNode(page, "manual1").click();
  await inspector
    .getByLabel("Test payload", { exact: true })
    .fill('{"lines": [{"price": 4}, {"price": 6.5}]}');
  await inspector.getByRole("button", { name: "Run", exact: true }).click();
  await inspector.getByRole("link", { name: "view run" }).click();

  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const transformStep = page.getByRole("listitem").filter({ hasText: "transform1" });
  await expect(transformStep).toContainText("Succeeded");
  await expect(transformStep).toContainText('"total": 10.5');
  await expect.poll(() => big.requests.map((received) => received.body)).toContain('{"sum":10.5}');
});

test("a run page shows a Delay's step waiting, and until when", async ({ page }) => {
  await createWorkflow(page, "Follow up later");

  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "Delay", { x: 200, y: 240 });
  await connect(page, "manual1", "delay1");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "delay1").click();
  await inspector.getByLabel("Wait for", { exact: true }).fill("2");
  await inspector.getByLabel("Unit", { exact: true }).selectOption("hours");
  await expect(canvasNode(page, "delay1")).toContainText("Waits 2 hours");

  await canvasNode(page, "manual1").click();
  await inspector.getByRole("button", { name: "Run", exact: true }).click();
  await inspector.getByRole("link", { name: "view run" }).click();

  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const delayStep = page.getByRole("listitem").filter({ hasText: "delay1" });
  await expect(delayStep).toContainText("Waiting");
  await expect(delayStep.getByText(/^Waiting until /)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("delay-waiting.png"), fullPage: true });
});

test("a Schedule trigger's inspector lists its next five run times in its own time zone", async ({
  page,
}) => {
  await createWorkflow(page, "Morning report");

  await dropFromPalette(page, "Schedule trigger", { x: 200, y: 80 });
  await expect(canvasNode(page, "schedule1")).toContainText("0 9 * * 1-5 · UTC");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "schedule1").click();
  await inspector.getByLabel("Cron expression", { exact: true }).fill("30 7 * * *");
  await inspector.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus");
  await expect(inspector.getByText("Mars/Olympus is not a known IANA time zone")).toBeVisible();
  await expect(inspector.getByRole("list", { name: "Next run times" })).toBeHidden();

  await inspector.getByLabel("Time zone", { exact: true }).fill("Asia/Tokyo");
  const times = inspector.getByRole("list", { name: "Next run times" }).getByRole("listitem");
  await expect(times).toHaveCount(5);
  for (const time of await times.all()) await expect(time).toHaveText(/ 07:30 GMT\+9$/);
  await expect(canvasNode(page, "schedule1")).toContainText("30 7 * * * · Asia/Tokyo");
  await page.screenshot({ path: test.info().outputPath("schedule-preview.png") });
});
