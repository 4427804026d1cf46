import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ExchangePage, RunView } from "../lib/api/views";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { backdateRun } from "./support/backdate";

let api: Receiver;
// The PostgreSQL pass runs the same tests with the database named here.
const onPostgres = (process.env.E2E_DATABASE_URL ?? "").startsWith("postgres");

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ stock: 3 }) }));
});

test.afterAll(async () => {
  await api.close();
});

/** Sends one event and waits until its run has finished, so retention may prune it. */
async function finishedRun(request: APIRequestContext, inboundPath: string, order: string) {
  const accepted = await request.post(inboundPath, { data: { order } });
  expect(accepted.status()).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  await expect
    .poll(async () => {
      const response = await request.get(`/api/runs/${runId}`);
      return ((await response.json()) as { run: RunView }).run.status;
    })
    .toBe("succeeded");
  return runId;
}

test("an admin shortens retention, prunes, and sees what was removed on the dashboard and in the log", async ({
  page,
  request,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Retention check",
    triggerAndCallGraph(`${api.url}/stock`),
    { activate: true },
  );
  const monthOld = await finishedRun(request, workflow.inboundPath, "R-1");
  const weekOld = await finishedRun(request, workflow.inboundPath, "R-2");
  await finishedRun(request, workflow.inboundPath, "R-3");
  await backdateRun(monthOld, 40);
  await backdateRun(weekOld, 5);

  await page.goto("/admin");
  const retention = page.getByRole("region", { name: "Retention" });
  await expect(retention.getByLabel("Keep bodies for", { exact: true })).toHaveValue("7");
  await retention.getByLabel("Keep bodies for", { exact: true }).fill("2");
  await retention.getByLabel("Keep metadata for", { exact: true }).fill("30");
  await expect(retention.getByLabel("Keep metadata for: unit")).toHaveValue("days");
  await retention.getByRole("button", { name: "Save retention" }).click();
  await expect(retention.getByRole("status")).toHaveText(/Saved/);

  await retention.getByLabel("Keep metadata for", { exact: true }).fill("1");
  await retention.getByLabel("Keep metadata for: unit").selectOption("hours");
  await retention.getByRole("button", { name: "Save retention" }).click();
  await expect(retention.getByText("Keep metadata at least as long as bodies.")).toBeVisible();
  await page.reload();
  await expect(retention.getByLabel("Keep metadata for", { exact: true })).toHaveValue("30");

  await retention.getByRole("button", { name: "Prune now" }).click();
  await expect(retention.getByRole("status")).toHaveText(
    "Pruned: 2 bodies cleared, 2 exchanges deleted, 1 run deleted.",
  );
  if (onPostgres) {
    // PostgreSQL reuses deleted rows' space instead of returning it, so nothing is measured.
    await expect(retention.getByText("PostgreSQL reuses the space of deleted rows")).toBeVisible();
  } else {
    await expect(retention.getByRole("definition").filter({ hasText: /pages\)$/ })).toBeVisible();
    await expect(retention.getByText("Shrinks")).toBeVisible();
  }

  const listed = await request.get(`/api/exchanges?runId=${weekOld}&kind=inbound`);
  const inboundId = ((await listed.json()) as ExchangePage).exchanges[0]?.id ?? "";
  await page.goto(`/deliveries?exchange=${inboundId}`);
  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByText("Body removed by retention after 5 days").first()).toBeVisible();
  expect((await request.get(`/api/runs/${monthOld}`)).status()).toBe(404);
});
