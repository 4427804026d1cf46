import { expect, test } from "@playwright/test";
import type { ExchangePage } from "../lib/api/views";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify({ stock: 3 }) }));
});

test.afterAll(async () => {
  await api.close();
});

test("a re-run from the run page shows in the delivery log as a replay of the original request", async ({
  page,
  request,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Stock check",
    triggerAndCallGraph(`${api.url}/stock`),
    { activate: true },
  );
  const accepted = await request.post(workflow.inboundPath, {
    headers: { "x-shop-event": "order.created" },
    data: { order: "B-42" },
  });
  expect(accepted.status()).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const listed = await request.get(`/api/exchanges?runId=${runId}&kind=inbound`);
  const originalId = ((await listed.json()) as ExchangePage).exchanges[0]?.id ?? "";
  expect(originalId).not.toBe("");

  await page.goto(`/runs/${runId}`);
  await expect(page.getByText("Succeeded").first()).toBeVisible();
  await page.getByRole("button", { name: "Re-run", exact: true }).click();
  await expect(page).not.toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const rerunId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByText("Re-run of")).toBeVisible();
  await expect(page.getByRole("link", { name: runId, exact: true })).toHaveAttribute(
    "href",
    `/runs/${runId}`,
  );

  await page.goto(`/deliveries?workflowId=${workflow.id}&kind=inbound`);
  const log = page.getByRole("main");
  const inboundRows = log.getByRole("link", { name: /^Inbound POST \/hooks\// });
  await expect(inboundRows).toHaveCount(2);
  await expect(log.getByRole("img", { name: "Replay" })).toHaveCount(1);
  await inboundRows.first().click();

  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByRole("link", { name: "View run" })).toHaveAttribute(
    "href",
    `/runs/${rerunId}`,
  );
  await expect(details.getByText("Replay of", { exact: true })).toBeVisible();
  await expect(details.getByText('"order": "B-42"')).toBeVisible();
  const requestHeaders = details.getByRole("table", { name: "Request headers" });
  await expect(
    requestHeaders.getByRole("row", { name: /x-shop-event order\.created/ }),
  ).toBeVisible();
  const replayId = new URL(page.url()).searchParams.get("exchange") ?? "";

  await details.getByRole("link", { name: "View exchange", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`exchange=${originalId}`));
  await expect(details.getByRole("link", { name: "View run" })).toHaveAttribute(
    "href",
    `/runs/${runId}`,
  );
  await expect(details.getByText("Replayed by", { exact: true })).toBeVisible();
  await expect(details.getByText("Replay of", { exact: true })).toBeHidden();

  await details.getByRole("link", { name: "Replay 1", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`exchange=${replayId}`));
  await expect(details.getByText("Replay of", { exact: true })).toBeVisible();
});
