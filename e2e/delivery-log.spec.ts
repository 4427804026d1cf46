import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { ExchangePage, WorkflowView } from "../lib/api/views";
import type { Graph } from "../lib/workflow/graph";
import { startReceiver, type Receiver } from "../tests/integration/support/receiver";
import { createWorkflowViaApi, triggerAndCallGraph } from "./support/api";
import { backdateRun } from "./support/backdate";

let ok: Receiver;
let missing: Receiver;
let broken: Receiver;
let silent: Receiver;

test.beforeAll(async () => {
  ok = await startReceiver(() => ({ status: 200, body: "{}" }));
  missing = await startReceiver(() => ({ status: 404, body: "{}" }));
  broken = await startReceiver(() => ({ status: 500, body: "{}" }));
  // Answers long after the calling step has given up: the call times out.
  silent = await startReceiver(() => ({ status: 200, delayMs: 30_000 }));
});

test.afterAll(async () => {
  await Promise.all([ok, missing, broken, silent].map((receiver) => receiver.close()));
});

/** Webhook trigger → GET `url`, giving up after `timeoutMs`. */
function callGraph(url: string, timeoutMs: number): Graph {
  const graph = triggerAndCallGraph(url);
  const [trigger, call] = graph.nodes;
  if (!trigger || !call) throw new Error("the graph has two steps");
  return { ...graph, nodes: [trigger, { ...call, config: { ...call.config, timeoutMs } }] };
}

async function listExchanges(request: APIRequestContext, query: string): Promise<ExchangePage> {
  const response = await request.get(`/api/exchanges?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ExchangePage;
}

/** Posts an event to `workflow` and waits until its run has made its API call. */
async function triggerAndSettle(
  request: APIRequestContext,
  workflow: WorkflowView,
  data: unknown,
  messageId: string,
): Promise<void> {
  const before = (await listExchanges(request, `workflowId=${workflow.id}&kind=api_call`)).exchanges
    .length;
  const posted = await request.post(workflow.inboundPath, {
    data,
    headers: { "webhook-id": messageId },
  });
  expect(posted.status()).toBe(202);
  await expect
    .poll(
      async () =>
        (await listExchanges(request, `workflowId=${workflow.id}&kind=api_call`)).exchanges.length,
      { timeout: 15_000 },
    )
    .toBe(before + 1);
}

function rowsOf(page: Page) {
  return page.getByRole("table", { name: "Exchanges, newest first" }).getByRole("link");
}

test("every filter narrows the log to the right exchanges, and the filtered view opens the same from its link", async ({
  page,
  request,
  context,
}) => {
  const tag = `probe${Date.now().toString(36)}`;
  const targets = [
    { name: "ok", receiver: ok, timeoutMs: 2000 },
    { name: "missing", receiver: missing, timeoutMs: 2000 },
    { name: "broken", receiver: broken, timeoutMs: 2000 },
    { name: "slow", receiver: silent, timeoutMs: 1000 },
  ];
  const workflows: Record<string, WorkflowView> = {};
  for (const { name, receiver, timeoutMs } of targets) {
    const graph = callGraph(`${receiver.url}/${name}-${tag}`, timeoutMs);
    workflows[name] = await createWorkflowViaApi(request, `Probe ${name} ${tag}`, graph, {
      activate: true,
    });
  }
  for (const { name } of targets) {
    const workflow = workflows[name];
    if (!workflow) throw new Error(`no workflow ${name}`);
    await triggerAndSettle(request, workflow, { tag }, `msg-${tag}-${name}`);
  }
  // One more event to the healthy endpoint, moved two hours back for the time range: past the
  // last hour, yet too recent for any retention setting to touch.
  const okWorkflow = workflows.ok;
  const brokenWorkflow = workflows.broken;
  if (!okWorkflow || !brokenWorkflow) throw new Error("workflows missing");
  await triggerAndSettle(request, okWorkflow, { tag, old: true }, `msg-${tag}-old`);
  const oldRun = (await listExchanges(request, `workflowId=${okWorkflow.id}&kind=api_call`))
    .exchanges[0]?.runId;
  if (!oldRun) throw new Error("no run for the old event");
  await backdateRun(oldRun, 2 / 24);

  await page.goto("/deliveries");
  const rows = rowsOf(page);
  await page.getByLabel("Search", { exact: true }).fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  // Five events, each an inbound request and an API call.
  await expect(rows).toHaveCount(10);

  const outcome = page.getByLabel("Outcome", { exact: true });
  await outcome.selectOption({ label: "Client error (4xx)" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(new RegExp(`^API call GET .*/missing-${tag}$`));
  await outcome.selectOption({ label: "Server error (5xx)" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(new RegExp(`/broken-${tag}$`));
  await outcome.selectOption({ label: "Timed out" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(new RegExp(`/slow-${tag}$`));
  await outcome.selectOption({ label: "No response" });
  await expect(rows).toHaveCount(1);
  await outcome.selectOption({ label: "Success (2xx)" });
  // Every inbound request was accepted, and the healthy endpoint answered twice.
  await expect(rows).toHaveCount(7);

  await page.getByRole("button", { name: /^Remove filter Outcome/ }).click();
  await expect(outcome).toHaveValue("");
  await expect(rows).toHaveCount(10);

  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Inbound" });
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "/hooks/" })).toHaveCount(5);
  await page.getByLabel("Workflow", { exact: true }).selectOption({ label: `Probe ok ${tag}` });
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Time", { exact: true }).selectOption({ label: "Last hour" });
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}T/);
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: /^Remove filter From/ }).click();
  await page.getByRole("button", { name: /^Remove filter Workflow/ }).click();
  await page.getByRole("button", { name: /^Remove filter Kind/ }).click();
  await expect(rows).toHaveCount(10);

  await page.getByRole("button", { name: "More filters" }).click();
  const status = page.getByLabel("Status code", { exact: true });
  await status.fill("4");
  await expect(page.getByText("A status from 100 to 599")).toBeVisible();
  await status.fill("404");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(new RegExp(`/missing-${tag}$`));
  await status.fill("");
  await expect(rows).toHaveCount(10);

  // Outbound calls have a host; inbound requests have none.
  await page.getByLabel("Endpoint host", { exact: true }).fill("127.0.0.1");
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "/hooks/" })).toHaveCount(0);
  await page.getByRole("button", { name: /^Remove filter Host/ }).click();
  await expect(page.getByLabel("Endpoint host", { exact: true })).toHaveValue("");

  await page.getByLabel("Message id", { exact: true }).fill(`msg-${tag}-missing`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(/^Inbound POST .*\/hooks\//);
  await page.getByRole("button", { name: /^Remove filter Message id/ }).click();

  const brokenRun = (await listExchanges(request, `workflowId=${brokenWorkflow.id}`)).exchanges[0]
    ?.runId;
  if (!brokenRun) throw new Error("no run for the failing endpoint");
  await page.getByLabel("Run id", { exact: true }).fill(brokenRun);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `/broken-${tag}` })).toHaveCount(1);
  await page.getByRole("button", { name: /^Remove filter Run/ }).click();
  await expect(page.getByLabel("Run id", { exact: true })).toHaveValue("");
  await expect(rows).toHaveCount(10);

  // The shared link: a view with several filters opens the same in a fresh page.
  await outcome.selectOption({ label: "Success (2xx)" });
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "API call" });
  await expect(rows).toHaveCount(2);
  const link = page.url();
  const shared = await context.newPage();
  await shared.goto(link);
  await expect(rowsOf(shared)).toHaveCount(2);
  await expect(rowsOf(shared).filter({ hasText: `/ok-${tag}` })).toHaveCount(2);
  await expect(shared.getByLabel("Search", { exact: true })).toHaveValue(tag);
  await expect(shared.getByLabel("Outcome", { exact: true })).toHaveValue("success");
  const chips = shared.getByRole("list", { name: "Active filters" }).getByRole("listitem");
  await expect(chips).toHaveText([`Search:“${tag}”`, "Kind:API call", "Outcome:Success (2xx)"]);

  // Values a hand-edited link gets wrong are dropped, not sent.
  await shared.goto(`/deliveries?q=${tag}&outcome=teapot&status=42&from=yesterday&kind=api_call`);
  await expect(rowsOf(shared)).toHaveCount(5);
  await expect(chips).toHaveText([`Search:“${tag}”`, "Kind:API call"]);

  await shared.getByRole("link", { name: "Clear filters" }).click();
  await expect(shared).toHaveURL(/\/deliveries$/);
  await expect(shared.getByRole("list", { name: "Active filters" })).toHaveCount(0);
  await shared.close();
});

test("new exchanges stream in at the top, and a marker counts matching arrivals while the reader is scrolled away", async ({
  page,
  request,
}) => {
  const tag = `live${Date.now().toString(36)}`;
  const workflow = await createWorkflowViaApi(
    request,
    `Live ${tag}`,
    triggerAndCallGraph(`${ok.url}/live-${tag}`),
    { activate: true },
  );
  const post = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      expect((await request.post(workflow.inboundPath, { data: { tag, i } })).status()).toBe(202);
    }
  };

  await page.setViewportSize({ width: 1280, height: 560 });
  // Only inbound requests: each event's API call arrives too, and must not be counted.
  await page.goto(`/deliveries?workflowId=${workflow.id}&kind=inbound`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const rows = rowsOf(page);

  await post(1);
  await expect(rows).toHaveCount(1);
  await post(13);
  await expect(rows).toHaveCount(14);
  await expect(page.getByRole("button", { name: /new exchange/ })).toHaveCount(0);

  await rows.first().hover();
  await page.mouse.wheel(0, 600);
  await expect(rows.first()).not.toBeInViewport();

  await post(3);
  const marker = page.getByRole("button", { name: "3 new exchanges" });
  await expect(marker).toBeVisible();
  // The API calls of those events finish after them; the count stays with what the filters match.
  await expect
    .poll(
      async () =>
        (await listExchanges(request, `workflowId=${workflow.id}&kind=api_call`)).exchanges.length,
    )
    .toBe(17);
  await page.waitForTimeout(1_000);
  await expect(marker).toBeVisible();
  await expect(rows).toHaveCount(14);
  await expect(rows.first()).not.toBeInViewport();

  await marker.click();
  await expect(rows).toHaveCount(17);
  await expect(rows.first()).toBeInViewport();
  await expect(page.getByRole("button", { name: /new exchange/ })).toHaveCount(0);

  // Back at the top, arrivals stream in again.
  await post(1);
  await expect(rows).toHaveCount(18);
});
