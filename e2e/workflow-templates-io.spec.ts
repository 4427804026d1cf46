import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { WorkflowView } from "../lib/api/views";
import type { Graph } from "../lib/workflow/graph";
import { workflowStarters } from "../lib/workflow/workflow-starters";
import { createWorkflowViaApi } from "./support/api";
import { canvasNode } from "./support/canvas";

const secret = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";

const graph: Graph = {
  nodes: [
    { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    {
      id: "http1",
      type: "http-request",
      position: { x: 330, y: 0 },
      config: {
        method: "GET",
        url: "https://api.example.com/users/{{trigger.body.id}}",
        headers: { Authorization: "Bearer browser-credential", Accept: "application/json" },
      },
    },
    {
      id: "send1",
      type: "send-webhook",
      position: { x: 660, y: 0 },
      config: { url: "https://hooks.example.com/in", eventType: "user.seen", secret },
    },
  ],
  edges: [
    { id: "webhook1-http1", source: "webhook1", target: "http1" },
    { id: "http1-send1", source: "http1", target: "send1" },
  ],
};

function workflowIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split("/").at(-1);
  if (id === undefined || id === "") throw new Error(`no workflow id in ${page.url()}`);
  return id;
}

for (const starter of workflowStarters) {
  test(`a workflow created from the "${starter.title}" template opens with its steps and no problems`, async ({
    page,
  }) => {
    await page.goto("/workflows");
    await page.getByRole("button", { name: "New from template" }).click();
    const gallery = page.getByRole("dialog", { name: "New workflow from a template" });
    await expect(gallery.getByText(starter.description)).toBeVisible();
    await gallery.getByRole("button", { name: `Use template ${starter.title}` }).click();

    await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: starter.title })).toBeVisible();
    for (const { id } of starter.nodes) await expect(canvasNode(page, id)).toBeVisible();
    await expect(page.getByText("No problems")).toBeVisible();
  });
}

test("an exported workflow imports as a new workflow with the same graph, its secrets to fill in", async ({
  page,
}) => {
  const original = await createWorkflowViaApi(page.request, "Users → partner", graph, {
    activate: false,
  });
  await page.goto(`/workflows/${original.id}`);
  await expect(canvasNode(page, "send1")).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("users-partner.workflow.json");
  const file = await download.path();
  const text = await readFile(file, "utf8");
  expect(text).not.toContain("browser-credential");
  expect(text).not.toContain(secret);
  const exported = JSON.parse(text) as { graph: Graph };

  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a workflow" });
  await dialog.getByLabel("Workflow file (.json)").setInputFiles(file);
  await dialog.getByRole("button", { name: "Import workflow" }).click();

  await expect(page).not.toHaveURL(/\/workflows$/);
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  expect(workflowIdOf(page)).not.toBe(original.id);
  for (const { id } of graph.nodes) await expect(canvasNode(page, id)).toBeVisible();
  await page.getByRole("button", { name: "2 problems" }).click();
  const problems = page.getByRole("region", { name: "Problems" }).first();
  await expect(problems.getByText(/credential for the Authorization header/)).toBeVisible();
  await expect(problems.getByText(/Generate a signing secret/)).toBeVisible();

  const answer = await page.request.get(`/api/workflows/${workflowIdOf(page)}`);
  const { workflow } = (await answer.json()) as { workflow: WorkflowView };
  expect(workflow.name).toBe("Users → partner");
  expect(workflow.isActive).toBe(false);
  expect(workflow.draft).toEqual(exported.graph);
});

test("importing something that is not an export says what is wrong and creates nothing", async ({
  page,
}) => {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a workflow" });
  await dialog
    .getByLabel("Or paste its JSON")
    .fill(JSON.stringify({ format: "switchyard/workflow", version: 7, name: "x" }));
  await dialog.getByRole("button", { name: "Import workflow" }).click();

  await expect(dialog.getByRole("alert")).toContainText("Version 7 cannot be read");
  await expect(page).toHaveURL(/\/workflows$/);
});
