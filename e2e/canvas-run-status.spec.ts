import { expect, test } from "@playwright/test";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { canvasNode, connect, createWorkflow, dropFromPalette } from "./support/canvas";

let broken: Receiver;
let healthy: Receiver;

test.beforeAll(async () => {
  broken = await startReceiver(() => ({ status: 500, body: "down for maintenance" }));
  healthy = await startReceiver(() => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ shipment: "SHP-4821" }),
  }));
});

test.afterAll(async () => {
  await broken.close();
  await healthy.close();
});

test("the canvas shows how each node fared in the latest run, and the inspector shows why a step failed and what it returned", async ({
  page,
}) => {
  await createWorkflow(page, "Runs on the canvas");

  await dropFromPalette(page, "Manual trigger", { x: 200, y: 80 });
  await dropFromPalette(page, "HTTP request", { x: 200, y: 260 });
  await connect(page, "manual1", "http1");

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "http1").click();
  await inspector.getByLabel("URL", { exact: true }).fill(`${broken.url}/orders`);
  await expect(canvasNode(page, "http1").getByRole("img", { name: /^Last run/ })).toHaveCount(0);

  await canvasNode(page, "manual1").click();
  await inspector.getByRole("button", { name: "Run", exact: true }).click();

  await expect(
    canvasNode(page, "http1").getByRole("img", { name: "Last run: failed" }),
  ).toBeVisible();
  await expect(
    canvasNode(page, "manual1").getByRole("img", { name: "Last run: succeeded" }),
  ).toBeVisible();
  await expect(canvasNode(page, "http1").getByLabel("Why it failed")).toHaveText(
    /The server answered 500/,
  );

  await canvasNode(page, "http1").click();
  const lastRun = inspector.getByRole("region", { name: "Last run" });
  await expect(lastRun.getByText("The server answered 500")).toBeVisible();
  await expect(lastRun.getByText(/on version 1\./)).toBeVisible();
  await expect(lastRun.getByRole("link", { name: "Open run" })).toHaveAttribute(
    "href",
    /^\/runs\/[^/]+$/,
  );

  await inspector.getByLabel("URL", { exact: true }).fill(`${healthy.url}/orders`);
  await canvasNode(page, "manual1").click();
  await inspector.getByRole("button", { name: "Run", exact: true }).click();

  await expect(
    canvasNode(page, "http1").getByRole("img", { name: "Last run: succeeded" }),
  ).toBeVisible();
  await expect(canvasNode(page, "http1").getByLabel("Output")).toHaveText(
    '200 · {"shipment":"SHP-4821"}',
  );
  await expect(canvasNode(page, "http1").getByLabel("Why it failed")).toHaveCount(0);
  await canvasNode(page, "http1").click();
  await expect(lastRun.getByText(/on version 2\./)).toBeVisible();
  await expect(lastRun.getByText(/SHP-4821/)).toBeVisible();
  await expect(lastRun.getByText("The server answered 500")).toHaveCount(0);

  await lastRun.getByRole("link", { name: "Open run" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "http1" })).toBeVisible();
});
