import { expect, type Locator, type Page } from "@playwright/test";

/** Drags a palette item onto the canvas at a point relative to the canvas's top left corner. */
export async function dropFromPalette(
  page: Page,
  label: string,
  at: { x: number; y: number },
): Promise<void> {
  const palette = page.getByRole("complementary", { name: "Node palette" });
  await palette
    .getByRole("button", { name: label, exact: true })
    .dragTo(page.locator(".react-flow__pane"), {
      targetPosition: at,
    });
}

/** A node on the canvas, by the id templates use for it. */
export function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Draws an edge with the real mouse, from `source`'s output handle to `target`'s input. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = await centreOf(canvasNode(page, source).locator(".react-flow__handle.source"));
  const to = await centreOf(canvasNode(page, target).locator(".react-flow__handle.target"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator(`.react-flow__edge[data-id="${source}-${target}"]`)).toBeAttached();
}

/** Draws an edge from one labelled output of `source` (a Condition's "true", say) to `target`. */
export async function connectBranch(
  page: Page,
  source: string,
  handle: string,
  target: string,
): Promise<void> {
  const output = canvasNode(page, source).locator(
    `.react-flow__handle.source[data-handleid="${handle}"]`,
  );
  const from = await centreOf(output);
  const to = await centreOf(canvasNode(page, target).locator(".react-flow__handle.target"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const edgeId = `${source}-${handle}-${target}`;
  await expect(page.locator(`.react-flow__edge[data-id="${edgeId}"]`)).toBeAttached();
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Creates an empty workflow from the workflow list, which opens it in the editor. */
export async function createWorkflow(page: Page, name: string): Promise<void> {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await page.getByLabel("Workflow name").fill(name);
  await page.getByRole("button", { name: "Create workflow" }).click();
}
