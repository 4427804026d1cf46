import { describe, expect, it } from "vitest";
import { matchInboundPath } from "@/lib/ingest/inbound-path";
import { exceedsJsonDepth, maxJsonDepth, parseInboundBody } from "@/lib/ingest/parse-inbound-body";
import { RateLimiter } from "@/lib/ingest/rate-limiter";
import { readInboundBody } from "@/lib/ingest/read-inbound-body";

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe("matchInboundPath", () => {
  it("finds production and test URLs and nothing else", () => {
    expect(matchInboundPath("/hooks/abc")).toEqual({ token: "abc", isTest: false });
    expect(matchInboundPath("/hooks/abc/?x=1")).toEqual({ token: "abc", isTest: false });
    expect(matchInboundPath("/hooks/abc/test?x=1")).toEqual({ token: "abc", isTest: true });
    expect(matchInboundPath("/hooks/")).toBeNull();
    expect(matchInboundPath("/hooks/abc/other")).toBeNull();
    expect(matchInboundPath("/hooks/abc/test/more")).toBeNull();
    expect(matchInboundPath("/api/hooks/abc")).toBeNull();
    expect(matchInboundPath("/hooksabc")).toBeNull();
  });
});

describe("readInboundBody", () => {
  const limits = { maxBytes: 10, timeoutMs: 1000, declaredLength: undefined };

  it("joins the chunks of a body within the limit", async () => {
    const body = await readInboundBody(chunks("abc", "def"), limits);
    expect(body.ok && Buffer.from(body.bytes).toString()).toBe("abcdef");
  });

  it("refuses an announced length over the limit without reading", async () => {
    let read = false;
    const body = (async function* () {
      read = true;
      yield new Uint8Array(1);
    })();
    const result = await readInboundBody(body, { ...limits, declaredLength: "11" });
    expect(result).toEqual({ ok: false, reason: "too_large" });
    expect(read).toBe(false);
  });

  it("stops reading once chunks pass the limit", async () => {
    let pulled = 0;
    const body = (async function* () {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(4);
      }
    })();
    expect(await readInboundBody(body, limits)).toEqual({ ok: false, reason: "too_large" });
    expect(pulled).toBe(3);
  });

  it("gives up on a body that stalls past the timeout", async () => {
    const stalled = (async function* () {
      yield new Uint8Array(1);
      await new Promise(() => undefined);
    })();
    const startedAt = Date.now();
    const result = await readInboundBody(stalled, { ...limits, timeoutMs: 100 });
    expect(result).toEqual({ ok: false, reason: "timeout" });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(95);
  });

  it("reports a sender that breaks off", async () => {
    const broken = (async function* () {
      yield new Uint8Array(1);
      throw new Error("socket hang up");
    })();
    expect(await readInboundBody(broken, limits)).toEqual({ ok: false, reason: "aborted" });
  });
});

describe("parseInboundBody", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("parses JSON, including +json types", () => {
    expect(parseInboundBody(bytes('{"a":1}'), "application/json; charset=utf-8")).toEqual({
      ok: true,
      value: { a: 1 },
      encoding: "json",
    });
    expect(parseInboundBody(bytes("[1]"), "application/cloudevents+json")).toMatchObject({
      value: [1],
    });
    expect(parseInboundBody(bytes("{"), "application/json")).toMatchObject({
      ok: false,
      reason: "invalid_json",
    });
  });

  it("refuses JSON nested deeper than the limit without parsing it", () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(parseInboundBody(bytes(nested(maxJsonDepth)), "application/json").ok).toBe(true);
    expect(parseInboundBody(bytes(nested(maxJsonDepth + 1)), "application/json")).toMatchObject({
      ok: false,
      reason: "too_deep",
    });
    expect(parseInboundBody(bytes(nested(200_000)), "application/json")).toMatchObject({
      reason: "too_deep",
    });
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    const inString = JSON.stringify({ text: '\\"[[[[' + "[".repeat(100) });
    expect(exceedsJsonDepth(inString, 2)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[1]}}', 3)).toBe(false);
  });

  it("turns form posts into fields and text into text", () => {
    expect(parseInboundBody(bytes("a=1&b=x+y"), "application/x-www-form-urlencoded")).toEqual({
      ok: true,
      value: { a: "1", b: "x y" },
      encoding: "form",
    });
    expect(parseInboundBody(bytes("<a/>"), "application/xml")).toMatchObject({
      value: "<a/>",
      encoding: "text",
    });
    expect(parseInboundBody(bytes("untyped"), undefined)).toMatchObject({ encoding: "text" });
  });

  it("keeps binary bodies as base64 so no byte is lost", () => {
    const raw = new Uint8Array([0xff, 0x00, 0xfe]);
    expect(parseInboundBody(raw, "application/octet-stream")).toEqual({
      ok: true,
      value: "/wD+",
      encoding: "base64",
    });
    expect(parseInboundBody(raw, "text/plain")).toMatchObject({ encoding: "base64" });
    expect(parseInboundBody(new Uint8Array(0), "application/json")).toEqual({
      ok: true,
      value: null,
      encoding: "empty",
    });
  });
});

describe("RateLimiter", () => {
  it("lets a burst of `rate` through, then spaces requests out", () => {
    const limiter = new RateLimiter();
    expect([0, 0, 0].map(() => limiter.take("w", 3, 1000))).toEqual([0, 0, 0]);
    const wait = limiter.take("w", 3, 1000);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(334);
    expect(limiter.take("w", 3, 1000 + wait)).toBe(0);
  });

  it("keeps a bucket per key and forgets full ones when it holds too many", () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take("a", 1, 0)).toBe(0);
    expect(limiter.take("a", 1, 0)).toBeGreaterThan(0);
    expect(limiter.take("b", 1, 0)).toBe(0);
    // "a" has refilled by t=5s, so making room for "c" forgets it and "b".
    expect(limiter.take("c", 1, 5000)).toBe(0);
    expect(limiter.take("a", 1, 5000)).toBe(0);
  });
});
