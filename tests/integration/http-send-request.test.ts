import { once } from "node:events";
import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from "node:http";

import { afterEach, describe, expect, it } from "vitest";

import { REDACTED } from "../../lib/secrets/redact";
import { sendRequest, type SendRequestOptions } from "../../lib/http/send-request";

type ReceivedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

type TestServer = { origin: string; received: ReceivedRequest[] };

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(async (server) => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    }),
  );
});

/** A real HTTP server on loopback that records every request it receives in full. */
async function startServer(respond: RequestListener): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
      });
      respond(request, response);
    });
  });
  servers.push(server);
  return { origin: `http://127.0.0.1:${await listenOnLoopback(server)}`, received };
}

async function listenOnLoopback(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP port");
  return address.port;
}

const loopback: SendRequestOptions = {
  policy: { allowPrivateNetworks: true },
  maxResponseBytes: 1024 * 1024,
  maxStoredBodyBytes: 16 * 1024,
};

describe("sendRequest round trips", () => {
  it("sends a GET with its headers and returns status, headers and body", async () => {
    const target = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain", "x-trace": "abc" });
      response.end("hello");
    });

    const result = await sendRequest(
      {
        method: "get",
        url: `${target.origin}/items?page=2`,
        headers: { accept: "text/plain" },
        timeoutMs: 5000,
      },
      loopback,
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response).toMatchObject({ status: 200, body: "hello", bodyBytes: 5 });
    expect(result.response.headers).toMatchObject({
      "content-type": "text/plain",
      "x-trace": "abc",
    });
    expect(target.received).toHaveLength(1);
    expect(target.received[0]).toMatchObject({ method: "GET", url: "/items?page=2" });
    expect(target.received[0]?.headers).toMatchObject({
      accept: "text/plain",
      "user-agent": "Switchyard",
    });
    expect(result.exchange).toMatchObject({
      method: "GET",
      url: `${target.origin}/items?page=2`,
      requestBody: null,
      responseStatus: 200,
      responseBody: "hello",
      responseBodyTruncated: false,
      error: null,
    });
  });

  it("sends a JSON POST with content-length and records both bodies", async () => {
    const target = await startServer((request, response) => {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify({ created: true, echoedType: request.headers["content-type"] }));
    });
    const body = JSON.stringify({ name: "Zoë", tags: ["a", "b"] });

    const result = await sendRequest(
      {
        method: "POST",
        url: `${target.origin}/things`,
        headers: { "content-type": "application/json", "user-agent": "custom-agent/1" },
        body,
        timeoutMs: 5000,
      },
      loopback,
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(201);
    expect(JSON.parse(result.response.body)).toEqual({
      created: true,
      echoedType: "application/json",
    });
    const seen = target.received[0];
    expect(seen?.body).toBe(body);
    expect(seen?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(seen?.headers["user-agent"]).toBe("custom-agent/1");
    expect(result.exchange.requestBody).toBe(body);
    expect(result.exchange.requestBodyEncoding).toBe("utf8");
    expect(result.exchange.requestHeaders["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("joins repeated response headers with a comma and a space", async () => {
    const target = await startServer((_request, response) => {
      response.setHeader("set-cookie", ["a=1", "b=2"]);
      response.setHeader("x-multi", ["one", "two"]);
      response.end();
    });

    const result = await sendRequest(
      { method: "GET", url: target.origin, headers: {}, timeoutMs: 5000 },
      loopback,
    );

    expect(result.ok && result.response.headers["x-multi"]).toBe("one, two");
    expect(result.ok && result.response.headers["set-cookie"]).toBe("a=1, b=2");
    expect(result.exchange.responseHeaders?.["set-cookie"]).toBe(REDACTED);
  });

  it("times the exchange, its connect and its first byte with the injected clock", async () => {
    const target = await startServer((_request, response) => response.end("ok"));
    // Read at the start, on connect, at the response's headers and at the end.
    const ticks = [1_700_000_000_000, 1_700_000_000_010, 1_700_000_000_040, 1_700_000_000_250];

    const result = await sendRequest(
      { method: "GET", url: target.origin, headers: {}, timeoutMs: 5000 },
      { ...loopback, now: () => ticks.shift() ?? 0 },
    );

    expect(result.exchange.startedAt).toEqual(new Date(1_700_000_000_000));
    expect(result.exchange.durationMs).toBe(250);
    expect(result.exchange.connectMs).toBe(10);
    expect(result.exchange.firstByteMs).toBe(40);
    expect(result.exchange.failure).toBeNull();
  });

  it("measures real connect and first-byte times on the wall clock", async () => {
    const target = await startServer((_request, response) => {
      setTimeout(() => response.end("late"), 120);
    });

    const result = await sendRequest(
      { method: "GET", url: target.origin, headers: {}, timeoutMs: 5000 },
      loopback,
    );

    const { connectMs, firstByteMs, durationMs } = result.exchange;
    expect(connectMs).not.toBeNull();
    expect(firstByteMs).toBeGreaterThanOrEqual(110);
    expect(connectMs!).toBeLessThan(firstByteMs!);
    expect(firstByteMs!).toBeLessThanOrEqual(durationMs);
  });
});

describe("sendRequest redirects", () => {
  it("returns a 302 as the response and never contacts the Location target", async () => {
    const destination = await startServer((_request, response) => response.end("moved here"));
    const origin = await startServer((_request, response) => {
      response.writeHead(302, { location: `${destination.origin}/landing` });
      response.end();
    });

    const result = await sendRequest(
      { method: "GET", url: `${origin.origin}/old`, headers: {}, timeoutMs: 5000 },
      loopback,
    );

    expect(result.ok).toBe(true);
    expect(result.ok && result.response.status).toBe(302);
    expect(result.ok && result.response.headers.location).toBe(`${destination.origin}/landing`);
    expect(origin.received).toHaveLength(1);
    expect(destination.received).toHaveLength(0);
  });
});

describe("sendRequest deadline", () => {
  it("gives up on a server that never answers with reason timeout", async () => {
    const silent = await startServer(() => {});
    const timeoutMs = 300;
    const startedAt = performance.now();

    const result = await sendRequest(
      { method: "GET", url: silent.origin, headers: {}, timeoutMs },
      loopback,
    );

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("timeout");
    expect(performance.now() - startedAt).toBeLessThan(timeoutMs * 3);
    expect(silent.received).toHaveLength(1);
    expect(result.exchange.responseStatus).toBeNull();
    expect(result.exchange.error).toMatch(/300 ms/);
    expect(result.exchange.failure).toBe("timeout");
    expect(result.exchange.connectMs).not.toBeNull();
    expect(result.exchange.firstByteMs).toBeNull();
  });

  it("counts the body against the deadline and keeps what arrived", async () => {
    const stalling = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("first part");
    });

    const result = await sendRequest(
      { method: "GET", url: stalling.origin, headers: {}, timeoutMs: 300 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe("timeout");
    expect(result.exchange.responseStatus).toBe(200);
    expect(result.exchange.responseBody).toBe("first part");
    expect(result.exchange.responseBodyTruncated).toBe(true);
  });
});

describe("sendRequest size caps", () => {
  it("stops reading a response beyond maxResponseBytes and flags the stored body", async () => {
    const large = await startServer((_request, response) => {
      response.end("x".repeat(1024 * 1024));
    });

    const result = await sendRequest(
      { method: "GET", url: large.origin, headers: {}, timeoutMs: 5000 },
      { ...loopback, maxResponseBytes: 64 * 1024, maxStoredBodyBytes: 1000 },
    );

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("response_too_large");
    expect(result.exchange.responseStatus).toBe(200);
    expect(result.exchange.responseBody).toBe("x".repeat(1000));
    expect(result.exchange.responseBodyTruncated).toBe(true);
    expect(result.exchange.failure).toBe("other");
  });

  it("accepts a response of exactly maxResponseBytes", async () => {
    const exact = await startServer((_request, response) => response.end("y".repeat(4096)));

    const result = await sendRequest(
      { method: "GET", url: exact.origin, headers: {}, timeoutMs: 5000 },
      { ...loopback, maxResponseBytes: 4096 },
    );

    expect(result.ok && result.response.bodyBytes).toBe(4096);
  });

  it("returns the whole response but stores only maxStoredBodyBytes of each body", async () => {
    const echo = await startServer((_request, response) => response.end("r".repeat(5000)));

    const result = await sendRequest(
      { method: "PUT", url: echo.origin, headers: {}, body: "q".repeat(3000), timeoutMs: 5000 },
      { ...loopback, maxStoredBodyBytes: 100 },
    );

    expect(result.ok && result.response.body).toHaveLength(5000);
    expect(result.exchange).toMatchObject({
      requestBody: "q".repeat(100),
      requestBodyTruncated: true,
      responseBody: "r".repeat(100),
      responseBodyTruncated: true,
    });
    expect(echo.received[0]?.body).toHaveLength(3000);
  });

  it("stores a binary body as base64 and says so", async () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x00, 0x80]);
    const binary = await startServer((_request, response) => response.end(Buffer.from(bytes)));

    const result = await sendRequest(
      { method: "POST", url: binary.origin, headers: {}, body: bytes, timeoutMs: 5000 },
      loopback,
    );

    expect(result.exchange).toMatchObject({
      requestBody: "//4AgA==",
      requestBodyEncoding: "base64",
      responseBody: "//4AgA==",
      responseBodyEncoding: "base64",
    });
  });
});

describe("sendRequest redaction", () => {
  it("sends Authorization and Cookie for real but stores them redacted", async () => {
    const target = await startServer((_request, response) => {
      response.setHeader("set-cookie", "session=server-secret");
      response.end("ok");
    });

    const result = await sendRequest(
      {
        method: "GET",
        url: target.origin,
        headers: {
          Authorization: "Bearer live-token-123",
          Cookie: "session=abc",
          "X-Request-Id": "req-1",
          "webhook-signature": "v1,abc=",
        },
        timeoutMs: 5000,
      },
      loopback,
    );

    const seen = target.received[0]?.headers;
    expect(seen?.authorization).toBe("Bearer live-token-123");
    expect(seen?.cookie).toBe("session=abc");
    expect(result.exchange.requestHeaders).toMatchObject({
      Authorization: REDACTED,
      Cookie: REDACTED,
      "X-Request-Id": "req-1",
      "webhook-signature": "v1,abc=",
    });
    expect(result.exchange.responseHeaders?.["set-cookie"]).toBe(REDACTED);
    expect(JSON.stringify(result.exchange)).not.toMatch(/live-token-123|session=abc|server-secret/);
  });

  it("sends URL credentials as Basic authorization, not in the stored URL", async () => {
    const target = await startServer((_request, response) => response.end());
    const url = target.origin.replace("http://", "http://alice:p%40ss@") + "/private";

    const result = await sendRequest(
      { method: "GET", url, headers: {}, timeoutMs: 5000 },
      loopback,
    );

    const expected = `Basic ${Buffer.from("alice:p@ss").toString("base64")}`;
    expect(target.received[0]?.headers.authorization).toBe(expected);
    expect(result.exchange.url).toBe(`${target.origin}/private`);
    expect(result.exchange.requestHeaders.authorization).toBe(REDACTED);
  });

  it("redacts known secret values wherever they appear in the stored exchange", async () => {
    const target = await startServer((request, response) => response.end(`echo ${request.url}`));

    const result = await sendRequest(
      {
        method: "POST",
        url: `${target.origin}/hook?api_key=k-98765`,
        headers: { "x-custom": "k-98765" },
        body: '{"key":"k-98765"}',
        timeoutMs: 5000,
      },
      { ...loopback, secrets: ["k-98765"] },
    );

    expect(target.received[0]?.url).toBe("/hook?api_key=k-98765");
    expect(JSON.stringify(result.exchange)).not.toContain("k-98765");
    expect(result.exchange.url).toBe(`${target.origin}/hook?api_key=${REDACTED}`);
  });
});

describe("sendRequest refusals before sending", () => {
  it.each([
    ["not a url", "invalid_url"],
    ["ftp://example.com/file", "unsupported_protocol"],
    ["file:///etc/passwd", "unsupported_protocol"],
  ])("refuses %j with reason %s", async (url, reason) => {
    const result = await sendRequest(
      { method: "GET", url, headers: {}, timeoutMs: 1000 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe(reason);
    expect(result.exchange).toMatchObject({ url, responseStatus: null, responseHeaders: null });
    expect(result.exchange.error).not.toBeNull();
  });

  it.each([
    [{ "x-injected": "a\r\nx-evil: 1" }],
    [{ host: "internal.example" }],
    [{ "Content-Length": "1" }],
    [{ "transfer-encoding": "chunked" }],
    [{ "bad name": "x" }],
  ])("refuses the headers %j as invalid_request without connecting", async (headers) => {
    const target = await startServer((_request, response) => response.end());

    const result = await sendRequest(
      { method: "GET", url: target.origin, headers, timeoutMs: 1000 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe("invalid_request");
    expect(target.received).toHaveLength(0);
  });

  it("refuses a method that is not an HTTP token", async () => {
    const result = await sendRequest(
      { method: "GET /x HTTP/1.1", url: "http://127.0.0.1:9/", headers: {}, timeoutMs: 1000 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe("invalid_request");
    expect(result.exchange.failure).toBe("refused");
    expect(result.exchange.connectMs).toBeNull();
  });
});

describe("sendRequest network failures", () => {
  it("reports a closed port as connection_failed", async () => {
    const released = createServer();
    const port = await listenOnLoopback(released);
    released.close();
    await once(released, "close");

    const result = await sendRequest(
      { method: "GET", url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 5000 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe("connection_failed");
    expect(result.exchange.error).toMatch(/ECONNREFUSED/);
    expect(result.exchange.failure).toBe("connection");
    expect(result.exchange.connectMs).toBeNull();
  });

  it("reports a host that does not resolve as dns_failed", async () => {
    // A label longer than 63 characters fails inside the resolver library before any query is
    // sent, so the test does not depend on a DNS server answering quickly.
    const url = `http://${"a".repeat(64)}.invalid/`;

    const result = await sendRequest(
      { method: "GET", url, headers: {}, timeoutMs: 10_000 },
      loopback,
    );

    expect(!result.ok && result.reason).toBe("dns_failed");
    expect(result.exchange.error).toMatch(/Could not resolve/);
    expect(result.exchange.failure).toBe("connection");
  });
});
