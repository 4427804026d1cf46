import { expect, test, type Page } from "@playwright/test";
import type { Graph, GraphNode } from "../lib/workflow/graph";
import { createWorkflowViaApi } from "./support/api";
import { canvasNode, connect, dropFromPalette } from "./support/canvas";

const secret = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";

function node(id: string, type: string, x: number, y: number, config = {}): GraphNode {
  return { id, type, position: { x, y }, config };
}

function edge(source: string, target: string) {
  return { id: `${source}-${target}`, source, target };
}

/** Webhook trigger → HTTP request → Send webhook, the last reading the request's answer. */
const orderGraph: Graph = {
  nodes: [
    node("webhook1", "webhook-trigger", 0, 0),
    node("http1", "http-request", 0, 160, { method: "GET", url: "https://api.example.test/a" }),
    node("send1", "send-webhook", 0, 320, {
      url: "https://hooks.example.test/in",
      eventType: "order.shipped",
      payload: '{"shipment": "{{steps.http1.response.body.id}}"}',
      secret,
    }),
  ],
  edges: [edge("webhook1", "http1"), edge("http1", "send1")],
};

async function openWorkflow(page: Page, name: string, graph: Graph): Promise<void> {
  const workflow = await createWorkflowViaApi(page.request, name, graph, { activate: false });
  await page.goto(`/workflows/${workflow.id}`);
  for (const { id } of graph.nodes) await expect(canvasNode(page, id)).toBeVisible();
}

function canvasEdge(page: Page, id: string) {
  return page.locator(`.react-flow__edge[data-id="${id}"]`);
}

/** Clicks the canvas's empty left edge, which clears the selection. */
async function clickEmptyCanvas(page: Page): Promise<void> {
  await page.locator(".react-flow__pane").click({ position: { x: 24, y: 280 } });
}

function editorMessages(page: Page) {
  return page.getByRole("status", { name: "Editor messages" });
}

function toolbarButton(page: Page, name: string) {
  return page.getByRole("toolbar", { name: "Canvas tools" }).getByRole("button", { name });
}

async function boxOf(page: Page, id: string) {
  const box = await canvasNode(page, id).boundingBox();
  if (box === null) throw new Error(`${id} has no box on screen`);
  return box;
}

/** Drags from one node's output to another's input without expecting an edge to appear. */
async function drawConnection(page: Page, source: string, target: string): Promise<void> {
  const from = await canvasNode(page, source).locator(".react-flow__handle.source").boundingBox();
  const to = await canvasNode(page, target).locator(".react-flow__handle.target").boundingBox();
  if (from === null || to === null) throw new Error("a handle has no box on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

test("undo and redo take back and restore adding, moving, connecting, config edits and deleting", async ({
  page,
}) => {
  await openWorkflow(page, "Undo everything", { nodes: orderGraph.nodes.slice(0, 2), edges: [] });
  const undoButton = toolbarButton(page, "Undo");
  const redoButton = toolbarButton(page, "Redo");
  await expect(undoButton).toBeDisabled();
  await expect(redoButton).toBeDisabled();

  await dropFromPalette(page, "Send webhook", { x: 560, y: 90 });
  await expect(canvasNode(page, "send1")).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(canvasNode(page, "send1")).toHaveCount(0);
  await expect(redoButton).toBeEnabled();
  await page.keyboard.press("Control+Shift+z");
  await expect(canvasNode(page, "send1")).toBeVisible();

  const before = await boxOf(page, "send1");
  await page.mouse.move(before.x + 30, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y + 40, { steps: 8 });
  await page.mouse.move(before.x + 160, before.y + 90, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await boxOf(page, "send1")).x).toBeGreaterThan(before.x + 100);
  await undoButton.click();
  await expect.poll(async () => (await boxOf(page, "send1")).x).toBeCloseTo(before.x, 0);

  await connect(page, "webhook1", "http1");
  await page.keyboard.press("Control+z");
  await expect(canvasEdge(page, "webhook1-http1")).toHaveCount(0);
  await page.keyboard.press("Control+y");
  await expect(canvasEdge(page, "webhook1-http1")).toBeAttached();

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await canvasNode(page, "http1").click();
  const url = inspector.getByLabel("URL", { exact: true });
  await url.fill("");
  await url.pressSequentially("https://changed.example.test");
  await undoButton.click();
  await expect(url).toHaveValue("https://api.example.test/a");
  await redoButton.click();
  await expect(url).toHaveValue("https://changed.example.test");

  await connect(page, "http1", "send1");
  await canvasNode(page, "send1").click();
  await page.keyboard.press("Delete");
  await expect(canvasNode(page, "send1")).toHaveCount(0);
  await expect(canvasEdge(page, "http1-send1")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(canvasNode(page, "send1")).toBeVisible();
  await expect(canvasEdge(page, "http1-send1")).toBeAttached();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();
  await expect(undoButton).toBeEnabled();
});

test("copied steps paste with fresh ids and rewritten references, in the same workflow and in another tab, without secrets", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWorkflow(page, "Copy from here", orderGraph);

  await canvasNode(page, "http1").click();
  await canvasNode(page, "send1").click({ modifiers: ["Shift"] });
  await page.keyboard.press("Control+c");
  await expect(editorMessages(page).filter({ hasText: "Copied 2 steps." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("switchyard/graph-fragment");
  expect(copied).not.toContain(secret);

  await page.keyboard.press("Control+v");
  await expect(canvasNode(page, "http2")).toBeVisible();
  await expect(canvasNode(page, "send2")).toBeVisible();
  await expect(canvasEdge(page, "http2-send2")).toBeAttached();
  await expect(editorMessages(page)).toContainText("fill in Signing secret of send2");
  await expect(canvasNode(page, "http2")).toHaveClass(/selected/);
  await expect(canvasNode(page, "http1")).not.toHaveClass(/selected/);

  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await clickEmptyCanvas(page);
  await canvasNode(page, "send2").click();
  await expect(inspector.getByLabel("Payload", { exact: true })).toHaveValue(
    '{"shipment": "{{steps.http2.response.body.id}}"}',
  );
  await expect(inspector.getByLabel("Signing secret", { exact: true })).toHaveValue("");
  await clickEmptyCanvas(page);
  await page.keyboard.press("Control+z");
  await expect(canvasNode(page, "http2")).toHaveCount(0);
  await expect(canvasNode(page, "send2")).toHaveCount(0);

  const other = await context.newPage();
  await openWorkflow(other, "Paste into here", { nodes: [], edges: [] });
  await clickEmptyCanvas(other);
  await other.keyboard.press("Control+v");
  await expect(canvasNode(other, "http1")).toBeVisible();
  await expect(canvasNode(other, "send1")).toBeVisible();
  await expect(canvasEdge(other, "http1-send1")).toBeAttached();

  await clickEmptyCanvas(other);
  await canvasNode(other, "send1").click();
  await other.keyboard.press("Control+x");
  await expect(canvasNode(other, "send1")).toHaveCount(0);
  await expect(canvasEdge(other, "http1-send1")).toHaveCount(0);
  await other.keyboard.press("Control+v");
  await expect(canvasNode(other, "send1")).toBeVisible();

  await other.evaluate(() => navigator.clipboard.writeText('{"nodes": [], "edges": []}'));
  await other.keyboard.press("Control+v");
  await expect(other.locator(".react-flow__node")).toHaveCount(2);
});

test("a selection box and select all pick several steps, Delete removes them, and typing in a field deletes nothing", async ({
  page,
}) => {
  await openWorkflow(page, "Select many", orderGraph);

  const first = await boxOf(page, "http1");
  const last = await boxOf(page, "send1");
  await page.keyboard.down("Shift");
  await page.mouse.move(first.x - 30, first.y - 20);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width + 30, last.y + last.height + 20, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(canvasNode(page, "http1")).toHaveClass(/selected/);
  await expect(canvasNode(page, "send1")).toHaveClass(/selected/);
  await expect(canvasNode(page, "webhook1")).not.toHaveClass(/selected/);
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByText("2 steps selected.")).toBeVisible();

  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node")).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__node")).toHaveCount(3);

  await clickEmptyCanvas(page);
  await canvasNode(page, "http1").click();
  const url = inspector.getByLabel("URL", { exact: true });
  await url.focus();
  await page.keyboard.press("Backspace");
  await expect(url).toHaveValue("https://api.example.test/");
  await expect(canvasNode(page, "http1")).toBeVisible();

  await clickEmptyCanvas(page);
  await page.keyboard.press("Control+a");
  for (const id of ["webhook1", "http1", "send1"]) {
    await expect(canvasNode(page, id)).toHaveClass(/selected/);
  }
  await page.keyboard.press("Backspace");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
});

test("auto-layout lines the steps up from the trigger, and undo puts them back", async ({
  page,
}) => {
  await openWorkflow(page, "Messy", orderGraph);
  await toolbarButton(page, "Auto-layout").click();
  await expect
    .poll(async () => {
      const [trigger, call, send] = await Promise.all([
        boxOf(page, "webhook1"),
        boxOf(page, "http1"),
        boxOf(page, "send1"),
      ]);
      return trigger.x < call.x && call.x < send.x && Math.abs(trigger.y - send.y) < 2;
    })
    .toBe(true);
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  await toolbarButton(page, "Zoom to fit").click();
  await toolbarButton(page, "Undo").click();
  await expect(page.getByText("Unsaved changes")).toBeHidden();
  await expect
    .poll(async () => {
      const [trigger, call] = await Promise.all([boxOf(page, "webhook1"), boxOf(page, "http1")]);
      return Math.abs(trigger.x - call.x) < 2 && call.y > trigger.y;
    })
    .toBe(true);
});

test("a connection that would close a loop is refused and the canvas says why", async ({
  page,
}) => {
  await openWorkflow(page, "No loops", orderGraph);

  await drawConnection(page, "send1", "http1");
  await expect(editorMessages(page)).toContainText(
    "http1 already leads back to send1; workflows cannot loop.",
  );
  await expect(canvasEdge(page, "send1-http1")).toHaveCount(0);
  await expect(page.getByText("Unsaved changes")).toBeHidden();
});

test("steps are added from the palette with the keyboard alone, each after the one before", async ({
  page,
}) => {
  await openWorkflow(page, "Keyboard only", { nodes: [], edges: [] });
  const palette = page.getByRole("complementary", { name: "Node palette" });

  await palette.getByRole("button", { name: "Webhook trigger", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "webhook1")).toBeVisible();

  // Down past the Manual and Schedule triggers to the HTTP request.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(palette.getByRole("button", { name: "HTTP request", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "http1")).toBeVisible();
  await expect(canvasEdge(page, "webhook1-http1")).toBeAttached();

  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(canvasEdge(page, "http1-send1")).toBeAttached();
  const [call, send] = await Promise.all([boxOf(page, "http1"), boxOf(page, "send1")]);
  expect(send.x).toBeGreaterThan(call.x + call.width);

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByRole("row", { name: /Undo/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
