import { expect, test } from "@playwright/test";
import { VIEWER } from "./support/accounts";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { canvasNode, createWorkflow, dropFromPalette } from "./support/canvas";

test("a graph with problems is saved but cannot be activated, and the canvas shows why", async ({
  page,
}) => {
  await createWorkflow(page, "Half-built");

  await dropFromPalette(page, "HTTP request", { x: 220, y: 160 });
  await expect(canvasNode(page, "http1")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();

  await page.getByRole("button", { name: "Activate", exact: true }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "could not be activated" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("The workflow has no trigger");
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();
  await expect(canvasNode(page, "http1").getByRole("img", { name: /problems?$/ })).toBeVisible();

  await page.reload();
  await expect(canvasNode(page, "http1")).toBeVisible();
});

test("a viewer sees the workspace's workflows but can change nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  const workflow = await createWorkflowViaApi(
    page.request,
    "Read me",
    triggerAndCallGraph("http://127.0.0.1:9/x"),
    {
      activate: false,
    },
  );

  await page.goto("/admin");
  const invite = page.getByRole("form", { name: "Invite user" });
  await invite.getByLabel("Name", { exact: true }).fill(VIEWER.name);
  await invite.getByLabel("Email", { exact: true }).fill(VIEWER.email);
  await invite.getByLabel("Password", { exact: true }).fill(VIEWER.password);
  await invite.getByLabel("Role", { exact: true }).selectOption("viewer");
  await invite.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByLabel(`Role for ${VIEWER.email}`)).toHaveValue("viewer");

  const viewerContext = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const viewer = await viewerContext.newPage();
  await viewer.goto("/workflows");
  await expect(viewer).toHaveURL(/\/signin$/);
  await viewer.getByLabel("Email").fill(VIEWER.email);
  await viewer.getByLabel("Password").fill(VIEWER.password);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer.getByRole("link", { name: "Read me" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New workflow" })).toHaveCount(0);

  await viewer.getByRole("link", { name: "Read me" }).click();
  await expect(canvasNode(viewer, "http1")).toBeVisible();
  await expect(viewer.getByText("View only")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Activate", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("complementary", { name: "Node palette" })).toHaveCount(0);
  await canvasNode(viewer, "http1").click();
  await expect(viewer.getByLabel("URL", { exact: true })).toBeDisabled();

  const write = await viewer.request.put(`/api/workflows/${workflow.id}/draft`, {
    data: { graph: { nodes: [], edges: [] } },
  });
  expect(write.status()).toBe(403);
  expect(await write.json()).toMatchObject({ error: { code: "forbidden" } });
  await viewerContext.close();
});

test("every kind of bad inbound request gets its own status and JSON error", async ({
  page,
  playwright,
  baseURL,
}) => {
  const workflow = await createWorkflowViaApi(
    page.request,
    "Strict inbox",
    triggerAndCallGraph("http://127.0.0.1:9/x"),
    {
      activate: true,
    },
  );
  // A client with no session, as an outside system posting events would be.
  const outside = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });

  const unknown = await outside.post("/hooks/not-a-real-token", { data: {} });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: "workflow_not_found" } });

  const malformed = await outside.post(workflow.inboundPath, {
    headers: { "content-type": "application/json" },
    data: Buffer.from('{"order": '),
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: "invalid_json" } });

  const huge = await outside.post(workflow.inboundPath, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) }),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });

  const wrongMethod = await outside.get(workflow.inboundPath);
  expect(wrongMethod.status()).toBe(405);

  const accepted = await outside.post(workflow.inboundPath, { data: { ok: true } });
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toHaveProperty("runId");

  expect((await page.request.post(`/api/workflows/${workflow.id}/deactivate`)).status()).toBe(200);
  const inactive = await outside.post(workflow.inboundPath, { data: {} });
  expect(inactive.status()).toBe(404);
  expect(await inactive.json()).toMatchObject({ error: { code: "workflow_inactive" } });

  const anonymousApi = await outside.get("/api/workflows");
  expect(anonymousApi.status()).toBe(401);
  await outside.dispose();
});
