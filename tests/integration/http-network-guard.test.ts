import { once } from "node:events";
import { createServer, type Server } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  classifyAddress,
  isAddressAllowed,
  type AddressClass,
} from "../../lib/http/network-policy";
import { sendRequest, type SendRequestOptions } from "../../lib/http/send-request";

const strict: SendRequestOptions = {
  policy: { allowPrivateNetworks: false },
  maxResponseBytes: 64 * 1024,
  maxStoredBodyBytes: 1024,
};

/**
 * A server that counts TCP connections, so a test can prove nothing reached it. It listens on
 * every loopback address when the host has IPv6, so `[::1]` spellings would land here too.
 */
async function startCanary(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((_request, response) => response.end("canary"));
  server.on("connection", () => {
    connections += 1;
  });

  try {
    server.listen({ port: 0, host: "::", ipv6Only: false });
    await once(server, "listening");
  } catch {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
  }
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP port");
  return { server, port: address.port, connections: () => connections };
}

describe("sendRequest with private networks refused", () => {
  let canary: Awaited<ReturnType<typeof startCanary>>;

  beforeAll(async () => {
    canary = await startCanary();
  });

  afterAll(async () => {
    canary.server.closeAllConnections();
    canary.server.close();
    await once(canary.server, "close");
  });

  it.each([
    "http://127.0.0.1:PORT/",
    "http://localhost:PORT/",
    "http://[::1]:PORT/",
    "http://0x7f000001:PORT/",
    "http://2130706433:PORT/",
    "http://127.1:PORT/",
    "http://0177.0.0.1:PORT/",
    "http://127.0.0.1.:PORT/",
    "http://[::ffff:127.0.0.1]:PORT/",
    "http://[::ffff:7f00:1]:PORT/",
    "http://0.0.0.0:PORT/",
    "https://localhost:PORT/",
  ])("refuses %s and the canary on that port sees no connection", async (pattern) => {
    const before = canary.connections();
    const url = pattern.replace("PORT", String(canary.port));

    const result = await sendRequest({ method: "GET", url, headers: {}, timeoutMs: 2000 }, strict);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("address_refused");
    expect(result.exchange.responseStatus).toBeNull();
    expect(result.exchange.error).toMatch(/refuses/);
    expect(result.exchange.failure).toBe("refused");
    expect(canary.connections()).toBe(before);
  });

  it("reaches the same canary once private networks are allowed", async () => {
    const allowed = { ...strict, policy: { allowPrivateNetworks: true } };
    const before = canary.connections();

    for (const host of ["127.0.0.1", "localhost", "0x7f000001"]) {
      const url = `http://${host}:${canary.port}/`;
      const result = await sendRequest(
        { method: "GET", url, headers: {}, timeoutMs: 2000 },
        allowed,
      );
      expect(result.ok && result.response.body).toBe("canary");
    }
    expect(canary.connections()).toBe(before + 3);
  });

  it("refuses cloud metadata addresses without trying to connect", async () => {
    const url = "http://169.254.169.254/latest/meta-data/";

    const result = await sendRequest({ method: "GET", url, headers: {}, timeoutMs: 2000 }, strict);

    expect(!result.ok && result.reason).toBe("address_refused");
    expect(result.exchange.error).toMatch(/metadata/);
  });
});

describe("classifyAddress", () => {
  it.each<[string, AddressClass]>([
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["172.15.255.255", "public"],
    ["172.32.0.1", "public"],
    ["192.168.0.1", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"],
    ["100.128.0.1", "public"],
    ["169.254.0.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["93.184.215.14", "public"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "unique-local"],
    ["fdff:ffff::1", "unique-local"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:a00:1::", "private"],
    ["2002:808:808::1", "public"],
    ["::127.0.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2001:0:4136:e378::1", "reserved"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:82b::200e", "public"],
    ["127.1", "reserved"],
    ["localhost", "reserved"],
    ["", "reserved"],
  ])("classifies %j as %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("isAddressAllowed", () => {
  it.each<[string, boolean, boolean]>([
    ["8.8.8.8", true, true],
    ["2606:4700:4700::1111", true, true],
    ["127.0.0.1", false, true],
    ["10.0.0.1", false, true],
    ["100.64.0.1", false, true],
    ["169.254.169.254", false, true],
    ["fd12::1", false, true],
    ["::ffff:192.168.1.1", false, true],
    ["0.0.0.0", false, false],
    ["224.0.0.1", false, false],
    ["240.0.0.1", false, false],
    ["not an address", false, false],
  ])(
    "allows %s: %s when private networks are refused, %s when allowed",
    (address, strictly, loosely) => {
      expect(isAddressAllowed(address, { allowPrivateNetworks: false })).toBe(strictly);
      expect(isAddressAllowed(address, { allowPrivateNetworks: true })).toBe(loosely);
    },
  );
});
