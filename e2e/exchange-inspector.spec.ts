import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { ExchangePage, ExchangeSummaryView } from "../lib/api/views";
import { orderGraph } from "../tests/integration/support/graphs";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";

const runShell = (script: string) => promisify(execFile)("bash", ["-c", script]);

let api: Receiver;
let hook: Receiver;

const shipment = {
  shipment: {
    id: "SHP-9",
    carrier: { name: "Parcel Co", tracking: ["T-1", "T-2"] },
    note: "Leave at the back door. ".repeat(12).trim(),
  },
};

test.beforeAll(async () => {
  api = await startReceiver(() => ({ status: 200, body: JSON.stringify(shipment) }));
  // Every delivery's first attempt fails and its retry succeeds.
  hook = await startReceiver((request) => {
    const attempts = hook.requests.filter(
      (earlier) => earlier.headers["webhook-id"] === request.headers["webhook-id"],
    ).length;
    return attempts === 0
      ? { status: 500, body: JSON.stringify({ ok: false, error: "busy" }) }
      : { status: 200, body: JSON.stringify({ ok: true }) };
  });
});

test.afterAll(async () => {
  await api.close();
  await hook.close();
});

/** Waits until the run's exchanges of one kind are recorded, oldest first. */
async function exchangesOfRun(
  request: APIRequestContext,
  runId: string,
  kind: ExchangeSummaryView["kind"],
  count: number,
): Promise<ExchangeSummaryView[]> {
  let exchanges: ExchangeSummaryView[] = [];
  await expect
    .poll(async () => {
      const listed = await request.get(`/api/exchanges?runId=${runId}&kind=${kind}`);
      exchanges = ((await listed.json()) as ExchangePage).exchanges;
      return exchanges.length;
    })
    .toBe(count);
  return exchanges.reverse();
}

async function startOrderRun(request: APIRequestContext, name: string): Promise<string> {
  const workflow = await createWorkflowViaApi(request, name, orderGraph(api.url, hook.url), {
    activate: true,
  });
  const accepted = await request.post(workflow.inboundPath, {
    headers: { "x-shop-event": "order.created" },
    data: { order: { id: "A-7", note: 'it\'s "fragile"\nhandle with care' } },
  });
  expect(accepted.status()).toBe(202);
  return ((await accepted.json()) as { runId: string }).runId;
}

function openInspector(page: Page, exchangeId: string) {
  return page.goto(`/deliveries?exchange=${exchangeId}`);
}

test("a JSON body opens as a tree that expands and collapses, and as raw text", async ({
  page,
  request,
}) => {
  const runId = await startOrderRun(request, "Shipment tree");
  const [call] = await exchangesOfRun(request, runId, "api_call", 1);
  await openInspector(page, call?.id ?? "");

  const details = page.getByRole("region", { name: "Exchange details" });
  const responseBody = details.getByRole("tabpanel", { name: "Response body, Tree" });
  const carrier = responseBody.getByRole("button", { name: "carrier, 2 keys" });
  await expect(carrier).toHaveAttribute("aria-expanded", "true");
  await expect(responseBody.getByText('"name": "Parcel Co"')).toBeVisible();

  await carrier.click();
  await expect(carrier).toHaveAttribute("aria-expanded", "false");
  await expect(responseBody.getByText('"name": "Parcel Co"')).toBeHidden();

  await responseBody.getByRole("button", { name: "Expand all" }).click();
  await expect(responseBody.getByText('"T-2"')).toBeVisible();
  await responseBody.getByRole("button", { name: "Collapse all" }).click();
  await expect(responseBody.getByRole("button", { name: "shipment, 3 keys" })).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  await expect(responseBody.getByText('"id": "SHP-9"')).toBeHidden();

  await details
    .getByRole("tablist", { name: "Response body view" })
    .getByRole("tab", { name: "Raw" })
    .click();
  const raw = details.getByRole("tabpanel", { name: "Response body, Raw" });
  await expect(raw.getByLabel("Response body")).toHaveText(JSON.stringify(shipment));
  await raw.getByLabel("Pretty-print").check();
  await expect(raw.getByLabel("Response body")).toHaveText(JSON.stringify(shipment, null, 2));
});

test("the inspector shows the timings, the run and step, and copies the request as a cURL command that works", async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const runId = await startOrderRun(request, "Shipment facts");
  const [call] = await exchangesOfRun(request, runId, "api_call", 1);
  const [inbound] = await exchangesOfRun(request, runId, "inbound", 1);

  await openInspector(page, inbound?.id ?? "");
  const details = page.getByRole("region", { name: "Exchange details" });
  await details.getByRole("button", { name: "Copy as cURL" }).click();
  await expect(details.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`curl -X 'POST' '${baseURL}/hooks/`);
  expect(copied).toContain("-H 'x-shop-event: order.created'");

  // The copied command, run by a real shell and a real curl, is accepted as a new event.
  const callsBefore = api.requests.length;
  const curl = await runShell(`${copied} -s -o /dev/null -w '%{http_code}'`);
  expect(curl.stdout).toBe("202");
  const calls = await api.waitForRequests(callsBefore + 1);
  const sent = JSON.parse(calls.at(-1)?.body ?? "{}") as { order: string };
  expect(sent.order).toBe("A-7");

  await openInspector(page, call?.id ?? "");
  const timings = details.getByRole("group", { name: "Timings" });
  for (const phase of ["Connect", "First byte", "Total"]) {
    await expect(timings.getByRole("term").filter({ hasText: phase })).toBeVisible();
  }
  await expect(timings.getByRole("definition")).toHaveText([/^\d+ ms$/, /^\d+ ms$/, /^\d+ ms$/]);
  await details.getByRole("button", { name: "Show cURL" }).click();
  const apiCurl = details.getByLabel("cURL command");
  await expect(apiCurl).toContainText("-H 'authorization: [redacted]'");
  await expect(details.getByText(/fill them in before sending/)).toBeVisible();

  const stepLink = details.getByRole("link", { name: "http1", exact: true });
  await expect(stepLink).toHaveAttribute("href", `/runs/${runId}`);
  await stepLink.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
});

test("a binary body shows as hex", async ({ page, request }) => {
  const workflow = await createWorkflowViaApi(
    request,
    "Binary upload",
    triggerAndCallGraph(`${api.url}/ping`),
    { activate: true },
  );
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x41, 0x42]);
  const accepted = await request.post(workflow.inboundPath, {
    headers: { "content-type": "application/octet-stream" },
    data: bytes,
  });
  expect(accepted.status()).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const [inbound] = await exchangesOfRun(request, runId, "inbound", 1);
  await openInspector(page, inbound?.id ?? "");

  const details = page.getByRole("region", { name: "Exchange details" });
  await expect(details.getByText("Binary · 9 B")).toBeVisible();
  const hex = details.getByRole("table", { name: "Request body" });
  await expect(hex.getByRole("cell", { name: "00000000" })).toBeVisible();
  await expect(hex.getByRole("cell", { name: "89 50 4e 47 00 ff fe 41 42" })).toBeVisible();
  await expect(hex.getByRole("cell", { name: ".PNG...AB" })).toBeVisible();

  await details.getByRole("button", { name: "Show cURL" }).click();
  await expect(details.getByLabel("cURL command")).toContainText(
    `printf %s '${bytes.toString("base64")}' | base64 -d | curl`,
  );
});

test("two attempts of a delivery compare side by side, on a page that can be shared", async ({
  page,
  request,
}) => {
  const runId = await startOrderRun(request, "Shipment retries");
  const [first, second] = await exchangesOfRun(request, runId, "webhook_attempt", 2);
  await openInspector(page, second?.id ?? "");

  const details = page.getByRole("region", { name: "Exchange details" });
  await details.getByRole("button", { name: "Compare with…" }).click();
  await details.getByRole("link", { name: "Compare with the previous attempt (#1)" }).click();
  await expect(page).toHaveURL(`/deliveries/compare?before=${first?.id}&after=${second?.id}`);

  await expect(page.getByRole("heading", { name: "Compare exchanges" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Before: Webhook attempt #1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "After: Webhook attempt #2" })).toBeVisible();
  await expect(page.getByLabel("Status before")).toHaveText(/^500 in /);
  await expect(page.getByLabel("Status after")).toHaveText(/^200 in /);

  const bodyChanges = page.getByRole("table", { name: "Response body changes" });
  await expect(bodyChanges.getByRole("row", { name: /removed\s+"ok": false,/ })).toBeVisible();
  await expect(bodyChanges.getByRole("row", { name: /added\s+"ok": true/ })).toBeVisible();
  const requestBody = page.getByRole("region", { name: "Request differences" });
  await expect(requestBody.getByText("Same").first()).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Status before")).toHaveText(/^500 in /);

  await page.getByRole("link", { name: "Swap sides" }).click();
  await expect(page.getByLabel("Status before")).toHaveText(/^200 in /);

  await openInspector(page, first?.id ?? "");
  await details.getByRole("button", { name: "Compare with…" }).click();
  await details.getByLabel("Exchange id").fill(second?.id ?? "");
  await details.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(`/deliveries/compare?before=${second?.id}&after=${first?.id}`);
  await expect(page.getByLabel("Status after")).toHaveText(/^500 in /);
});
