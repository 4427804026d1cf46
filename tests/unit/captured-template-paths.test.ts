import { describe, expect, it } from "vitest";
import { listCapturedPaths } from "../../components/editor/test-event-template-paths";
import type { TestEvent } from "../../lib/ingest/test-capture";
import { parseLiveEvent } from "../../lib/client/use-live-events";

function capturedEvent(overrides: Partial<TestEvent>): TestEvent {
  return {
    receivedAt: "2026-01-01T00:00:00.000Z",
    method: "POST",
    path: "/hooks/abc/test",
    query: {},
    headers: {},
    body: null,
    bodyEncoding: "empty",
    verification: { ok: true },
    exchangeId: "ex_1",
    ...overrides,
  };
}

describe("listCapturedPaths", () => {
  it("offers every leaf of a JSON body, then the query, then the sender's headers", () => {
    const event = capturedEvent({
      body: { order: { id: "A-1", total: 12.5 }, paid: true },
      bodyEncoding: "json",
      query: { source: "shop" },
      headers: { "x-shop": "north", host: "example.test", "content-length": "42" },
    });

    expect(listCapturedPaths(event)).toEqual([
      { template: "{{trigger.body.order.id}}", sample: "A-1" },
      { template: "{{trigger.body.order.total}}", sample: "12.5" },
      { template: "{{trigger.body.paid}}", sample: "true" },
      { template: "{{trigger.query.source}}", sample: "shop" },
      { template: "{{trigger.headers.x-shop}}", sample: "north" },
    ]);
  });

  it("walks an array through its first item and quotes keys that are not names", () => {
    const event = capturedEvent({
      body: { items: [{ sku: "TEA" }, { sku: "CUP" }], "display name": "Ada" },
      bodyEncoding: "json",
    });

    expect(listCapturedPaths(event).map((path) => path.template)).toEqual([
      "{{trigger.body.items[0].sku}}",
      '{{trigger.body["display name"]}}',
    ]);
  });

  it("offers a text body whole and an empty body not at all", () => {
    const text = capturedEvent({ body: "hello", bodyEncoding: "text" });
    const empty = capturedEvent({ body: null, bodyEncoding: "empty" });

    expect(listCapturedPaths(text)).toEqual([{ template: "{{trigger.body}}", sample: "hello" }]);
    expect(listCapturedPaths(empty)).toEqual([]);
  });

  it("stops at forty paths and shortens long samples", () => {
    const fields = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`f${index}`, "x".repeat(100)]),
    );
    const paths = listCapturedPaths(capturedEvent({ body: fields, bodyEncoding: "json" }));

    expect(paths).toHaveLength(40);
    expect(paths[0]?.sample).toHaveLength(60);
    expect(paths[0]?.sample.endsWith("…")).toBe(true);
  });
});

describe("parseLiveEvent", () => {
  it("reads a test event capture, which carries a workflow id and no id of its own", () => {
    const data = JSON.stringify({ type: "test-event.captured", workflowId: "wf_1" });

    expect(parseLiveEvent(data)).toEqual({ type: "test-event.captured", workflowId: "wf_1" });
    expect(parseLiveEvent(JSON.stringify({ type: "test-event.captured" }))).toBeNull();
  });

  it("reads a run's answer to the request that started it", () => {
    const data = JSON.stringify({ type: "run.responded", id: "run_1", workflowId: "wf_1" });

    expect(parseLiveEvent(data)).toEqual({
      type: "run.responded",
      id: "run_1",
      workflowId: "wf_1",
    });
  });
});
