import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { ADMIN } from "./support/accounts";
import { freshDataDir, startApp, type AppProcess } from "./support/app-process";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

const DELAY_SECONDS = 4;
// A port beside the shared test server's, for an app this test stops and starts itself.
const port = Number(process.env.E2E_PORT ?? 3210) + 7;

let api: Receiver;
let app: AppProcess | null = null;

test.skip(
  process.env.E2E_DATABASE_URL !== undefined,
  "runs its own server on SQLite; the SQLite pass covers it",
);

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: "{}" }));
});

test.afterAll(async () => {
  await app?.stop();
  await api.close();
});

test("a Delay drawn in the editor outlasts a restart of the server, and the run goes on", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir("data/e2e-restart");
  app = await startApp(port, dataDir);
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();

  await page.goto("/setup");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/workflows$/);

  await createWorkflow(page, "Follow up after a restart");
  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "Delay", { x: 200, y: 240 });
  await dropFromPalette(page, "HTTP request", { x: 200, y: 400 });
  await connect(page, "manual1", "delay1");
  await connect(page, "delay1", "http1");
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "delay1").click();
  await inspector.getByLabel("Wait for", { exact: true }).fill(String(DELAY_SECONDS));
  await inspector.getByLabel("Unit", { exact: true }).selectOption("seconds");
  await canvasNode(page, "http1").click();
  await inspector.getByLabel("URL", { exact: true }).fill(`${api.url}/after-the-wait`);

  await canvasNode(page, "manual1").click();
  await inspector.getByRole("button", { name: "Run", exact: true }).click();
  await inspector.getByRole("link", { name: "view run" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const delayStep = page.getByRole("listitem").filter({ hasText: "delay1" });
  await expect(delayStep.getByText(/^Waiting until /)).toBeVisible();

  // The server goes down while the Delay waits, and stays down past the end of the wait.
  await app.stop();
  app = null;
  await new Promise((resolve) => setTimeout(resolve, (DELAY_SECONDS + 1) * 1000));
  expect(api.requests).toHaveLength(0);

  app = await startApp(port, dataDir);
  await page.reload();
  const httpStep = page.getByRole("listitem").filter({ hasText: "http1" });
  await expect(httpStep).toContainText("Succeeded");
  await expect(delayStep).toContainText("Succeeded");
  expect(api.requests.map((received) => received.url)).toEqual(["/after-the-wait"]);
  await page.screenshot({ path: test.info().outputPath("after-restart.png"), fullPage: true });
  await context.close();
});
