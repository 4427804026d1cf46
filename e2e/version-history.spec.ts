import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./support/accounts";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { canvasNode } from "./support/canvas";

const firstUrl = "https://api.example.test/first";
const secondUrl = "https://api.example.test/second";

const HISTORY_VIEWER = {
  name: "Hedy Viewer",
  email: "hedy-history@example.test",
  password: "history viewer password",
};

function historyDialog(page: Page) {
  return page.getByRole("dialog", { name: "Version history" });
}

function versionEntry(page: Page, label: string) {
  return historyDialog(page).getByRole("list", { name: "Versions" }).getByRole("listitem", {
    name: label,
    exact: true,
  });
}

function urlField(page: Page) {
  return page.getByRole("complementary", { name: "Inspector" }).getByLabel("URL", { exact: true });
}

test("two publishes show in History with who and when; a diff names the changed URL and a restore puts version 1 back in the draft", async ({
  page,
}) => {
  const workflow = await createWorkflowViaApi(
    page.request,
    "Versioned orders",
    triggerAndCallGraph(firstUrl),
    { activate: false },
  );
  await page.goto(`/workflows/${workflow.id}`);
  await expect(canvasNode(page, "http1")).toBeVisible();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByText("Production runs version 1")).toBeVisible();

  await canvasNode(page, "http1").click();
  await urlField(page).fill(secondUrl);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Production runs version 2")).toBeVisible();

  await page.getByRole("button", { name: "History", exact: true }).click();
  const newest = versionEntry(page, "Version 2");
  const oldest = versionEntry(page, "Version 1");
  await expect(newest).toContainText("Live");
  await expect(newest).toContainText(ADMIN.name);
  await expect(newest.locator("time")).toHaveAttribute("title", /\d{4}/);
  await expect(oldest).toContainText(ADMIN.name);
  await expect(oldest).not.toContainText("Live");
  await expect(versionEntry(page, "Draft")).toHaveCount(0);

  const changes = historyDialog(page).getByRole("region", { name: "Changes" });
  await expect(changes.getByLabel("Compare from")).toHaveValue("1");
  await expect(changes.getByLabel("Compare to")).toHaveValue("2");
  const urlRow = changes.getByRole("table", { name: "Changes to http1" }).getByRole("row", {
    name: /URL/,
  });
  await expect(urlRow).toContainText(firstUrl);
  await expect(urlRow).toContainText(secondUrl);

  await oldest.getByRole("button", { name: "Restore version 1" }).click();
  const confirmation = page.getByRole("dialog", { name: "Restore version 1?" });
  await expect(confirmation).toContainText("Nothing is published now");
  await confirmation.getByRole("button", { name: "Restore version 1" }).click();
  await expect(historyDialog(page)).toBeHidden();

  await canvasNode(page, "http1").click();
  await expect(urlField(page)).toHaveValue(firstUrl);
  await expect(page.getByText("Production runs version 2")).toBeVisible();
  await expect(page.getByText("Draft has unpublished changes")).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toBeHidden();

  await page.getByRole("button", { name: "History", exact: true }).click();
  await expect(versionEntry(page, "Draft")).toContainText("Not published");
  await expect(changes.getByLabel("Compare from")).toHaveValue("2");
  await expect(changes.getByLabel("Compare to")).toHaveValue("draft");
  await expect(urlRow).toContainText(secondUrl);
  await changes.getByRole("button", { name: "Mark on canvas" }).click();
  await expect(historyDialog(page)).toBeHidden();
  await expect(canvasNode(page, "http1")).toHaveCSS("outline-style", "solid");
  await expect(canvasNode(page, "webhook1")).toHaveCSS("outline-style", "none");
  await page.getByRole("button", { name: /Marked: Version 2 → Draft/ }).click();
  await expect(canvasNode(page, "http1")).toHaveCSS("outline-style", "none");

  await canvasNode(page, "http1").click();
  await page.keyboard.press("Control+z");
  await expect(urlField(page)).toHaveValue(secondUrl);
  await expect(page.getByText("Unsaved changes")).toBeVisible();
});

test("a viewer reads the history and its changes but has no way to restore", async ({
  page,
  browser,
  baseURL,
}) => {
  const workflow = await createWorkflowViaApi(
    page.request,
    "Viewed versions",
    triggerAndCallGraph(firstUrl),
    { activate: true },
  );
  const invited = await page.request.post("/api/users", {
    data: { ...HISTORY_VIEWER, role: "viewer" },
  });
  expect(invited.status()).toBe(201);

  const viewerContext = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const viewer = await viewerContext.newPage();
  await viewer.goto("/signin");
  await viewer.getByLabel("Email").fill(HISTORY_VIEWER.email);
  await viewer.getByLabel("Password").fill(HISTORY_VIEWER.password);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer).toHaveURL(/\/workflows$/);

  await viewer.goto(`/workflows/${workflow.id}`);
  await viewer.getByRole("button", { name: "History", exact: true }).click();
  const only = versionEntry(viewer, "Version 1");
  await expect(only).toContainText("Live");
  await only.getByRole("button", { name: "Show changes in version 1" }).click();
  const added = historyDialog(viewer)
    .getByRole("region", { name: "Changes" })
    .getByRole("listitem")
    .filter({ hasText: "HTTP request" });
  await expect(added).toContainText("Added");
  await expect(historyDialog(viewer).getByRole("button", { name: /Restore/ })).toHaveCount(0);

  const refused = await viewerContext.request.post(
    `/api/workflows/${workflow.id}/versions/1/restore`,
  );
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  await viewerContext.close();
});
