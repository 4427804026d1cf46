import { expect, test } from "@playwright/test";
import type { ExchangePage } from "../lib/api/views";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";

let api: Receiver;

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: "{}" }));
});

test.afterAll(async () => {
  await api.close();
});

test("an admin adds a JSON path on the dashboard and the next inbound body is stored redacted there", async ({
  page,
  request,
}) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Redaction check",
    triggerAndCallGraph(`${api.url}/orders`),
    { activate: true },
  );

  await page.goto("/admin");
  const redaction = page.getByRole("region", { name: "Redaction" });
  await expect(redaction.getByRole("list", { name: "Header names always redacted" })).toContainText(
    "authorization",
  );
  const paths = redaction.getByLabel("Redact these JSON paths in bodies", { exact: true });
  await paths.fill("card..number");
  await redaction.getByRole("button", { name: "Save redaction" }).click();
  await expect(redaction.getByText(/The JSON path "card\.\.number" is not valid/)).toBeVisible();

  await paths.fill("card.number");
  await redaction.getByRole("button", { name: "Save redaction" }).click();
  await expect(redaction.getByRole("status")).toHaveText(/Saved/);

  const accepted = await request.post(workflow.inboundPath, {
    data: { order: "R-7", card: { number: "4111-1111-1111-1111", holder: "Ann" } },
  });
  expect(accepted.status()).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const listed = await request.get(`/api/exchanges?runId=${runId}&kind=inbound`);
  const exchangeId = ((await listed.json()) as ExchangePage).exchanges[0]?.id ?? "";
  expect(exchangeId).not.toBe("");

  await page.goto(`/deliveries?workflowId=${workflow.id}&exchange=${exchangeId}`);
  const details = page.getByRole("region", { name: "Exchange details" });
  const body = details.getByLabel("Request body", { exact: true });
  await expect(body).toContainText('"number": "[redacted]"');
  await expect(body).toContainText('"holder": "Ann"');
  await expect(body).not.toContainText("4111");
});
