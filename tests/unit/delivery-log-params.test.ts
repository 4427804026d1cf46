import { describe, expect, it } from "vitest";
import { parseFilters, parseStatus } from "../../components/deliveries/use-delivery-params";
import { describeNewCount } from "../../components/deliveries/new-exchanges-marker";

describe("the delivery log's filters read from the URL", () => {
  it("keeps every valid filter, with instants in UTC and hosts lower-cased", () => {
    const filters = parseFilters(
      new URLSearchParams({
        workflowId: "wf1",
        runId: "run1",
        kind: "replay",
        outcome: "signature_failed",
        status: "404",
        host: "API.Example.com",
        from: "2026-12-04T10:00:00+01:00",
        to: "2026-12-04T12:00:00Z",
        messageId: "msg_1",
        q: "order 42",
      }),
    );
    expect(filters).toEqual({
      workflowId: "wf1",
      runId: "run1",
      kind: "replay",
      outcome: "signature_failed",
      status: 404,
      host: "api.example.com",
      from: "2026-12-04T09:00:00.000Z",
      to: "2026-12-04T12:00:00.000Z",
      messageId: "msg_1",
      q: "order 42",
    });
  });

  it("drops what a hand-edited URL gets wrong instead of sending it", () => {
    const filters = parseFilters(
      new URLSearchParams({
        kind: "teapot",
        outcome: "other",
        status: "42",
        from: "yesterday",
        to: "2026-12-04T12:00:00",
        q: "   ",
        messageId: "m".repeat(201),
      }),
    );
    expect(filters).toEqual({});
  });

  it("drops an end that is not after the start", () => {
    const filters = parseFilters(
      new URLSearchParams({ from: "2026-12-04T12:00:00Z", to: "2026-12-04T11:00:00Z" }),
    );
    expect(filters).toEqual({ from: "2026-12-04T12:00:00.000Z" });
  });

  it("reads a status only as three digits from 100 to 599", () => {
    expect(parseStatus("500")).toBe(500);
    expect(parseStatus("600")).toBeUndefined();
    expect(parseStatus("5e2")).toBeUndefined();
    expect(parseStatus("099")).toBeUndefined();
  });
});

describe("the new-exchanges marker", () => {
  it("counts honestly up to its cap and says so beyond it", () => {
    expect(describeNewCount(1)).toBe("1 new exchange");
    expect(describeNewCount(50)).toBe("50 new exchanges");
    expect(describeNewCount(51)).toBe("50+ new exchanges");
  });
});
