import { describe, expect, it } from "vitest";
import type { Exchange } from "../../lib/db/generated/client";
import { replayEditsSchema } from "../../lib/exchanges/replay-edits";
import { buildReplayRequest, findRedactedHeaders } from "../../lib/exchanges/replay-request";

function storedExchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: "ex1",
    workspaceId: "ws1",
    workflowId: "wf1",
    runId: "run1",
    stepId: "step1",
    deliveryId: null,
    kind: "api_call",
    outcome: "success",
    attempt: 1,
    method: "POST",
    url: "https://api.example.com/orders",
    requestHeaders: JSON.stringify({
      "content-type": "application/json",
      "content-length": "13",
      authorization: "[redacted]",
    }),
    requestBody: '{"order":"1"}',
    requestBodyTruncated: false,
    requestBodyEncoding: "utf8",
    responseStatus: 200,
    responseHeaders: "{}",
    responseBody: "",
    responseBodyTruncated: false,
    responseBodyEncoding: "utf8",
    durationMs: 12,
    error: null,
    failure: null,
    host: "api.example.com",
    messageId: null,
    connectMs: null,
    firstByteMs: null,
    replayOfId: null,
    isReplay: false,
    createdAt: new Date("2026-12-01T00:00:00Z"),
    bodiesPrunedAt: null,
    ...overrides,
  };
}

describe("the request a replay sends", () => {
  it("is the stored request without the headers the client frames itself", () => {
    const built = buildReplayRequest(storedExchange(), {});
    expect(built).toEqual({
      ok: true,
      request: {
        method: "POST",
        url: "https://api.example.com/orders",
        headers: { "content-type": "application/json", authorization: "[redacted]" },
        body: Buffer.from('{"order":"1"}'),
      },
    });
  });

  it("takes each edit in place of the original, headers as a whole", () => {
    const edits = replayEditsSchema.parse({
      method: "put",
      url: "https://api.example.com/orders/1",
      headers: { "x-note": "edited" },
      body: "",
    });
    const built = buildReplayRequest(storedExchange(), edits);
    expect(built).toEqual({
      ok: true,
      request: {
        method: "PUT",
        url: "https://api.example.com/orders/1",
        headers: { "x-note": "edited" },
        body: null,
      },
    });
  });

  it("sends a body stored as base64 as its bytes", () => {
    const bytes = Buffer.from([0xff, 0x00, 0x81]);
    const exchange = storedExchange({
      requestBody: bytes.toString("base64"),
      requestBodyEncoding: "base64",
    });
    const built = buildReplayRequest(exchange, {});
    expect(built.ok && Buffer.from(built.request.body ?? []).equals(bytes)).toBe(true);
  });

  it("refuses to resend a body the log cut short or retention removed, unless one is typed", () => {
    const cut = storedExchange({ requestBodyTruncated: true });
    expect(buildReplayRequest(cut, {})).toMatchObject({ ok: false, reason: "not_replayable" });
    expect(buildReplayRequest(cut, { body: "{}" })).toMatchObject({ ok: true });

    const pruned = storedExchange({ requestBody: null, bodiesPrunedAt: new Date() });
    expect(buildReplayRequest(pruned, {})).toMatchObject({ ok: false, reason: "not_replayable" });
  });

  it("names the headers that still hold the redaction mark", () => {
    const headers = { authorization: "[redacted]", cookie: "a=[redacted]", accept: "*/*" };
    expect(findRedactedHeaders(headers)).toEqual(["authorization", "cookie"]);
  });
});
