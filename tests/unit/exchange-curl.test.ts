import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildCurlCommand, quoteForShell, type CurlRequest } from "@/lib/exchanges/exchange-curl";

const ORIGIN = "https://switchyard.example";

function request(overrides: Partial<CurlRequest>): CurlRequest {
  return {
    method: "POST",
    url: "https://api.example/orders",
    headers: {},
    body: null,
    bodyEncoding: null,
    isBodyTruncated: false,
    ...overrides,
  };
}

/**
 * Runs the command in bash with `curl` replaced by a function that prints each argument it
 * got and then what arrived on stdin, so the test sees exactly what the shell would hand curl.
 */
function runInShell(command: string): { args: string[]; stdin: Buffer } {
  const script = [
    'curl() { for arg in "$@"; do printf "%s\\0" "$arg"; done; printf "STDIN\\0"; ',
    '[ -t 0 ] || [ "${*: -1}" != "@-" ] || cat; }',
    command,
  ].join("\n");
  const output = execFileSync("bash", ["-c", script], { input: "" });
  const marker = output.indexOf("STDIN\0");
  const args = output.subarray(0, marker).toString("utf8").split("\0").slice(0, -1);
  return { args, stdin: output.subarray(marker + "STDIN\0".length) };
}

describe("quoteForShell", () => {
  it.each([
    ["plain", "hello"],
    ["single quotes", "it's 'quoted'"],
    ["double quotes and expansions", '"$HOME" `id` $(id) \\n'],
    ["newlines and tabs", "line 1\nline 2\tend\n"],
    ["unicode", "caf\u00e9 \u2603 \u{1f680} \u4e2d\u6587"],
    ["a carriage return and other controls", "a\r\nb\x01c\x1bd\x7f"],
    ["backslashes beside controls", "\\x41\r\\'"],
    ["the empty string", ""],
  ])("keeps %s exactly as one word", (_, value) => {
    const { args } = runInShell(`curl ${quoteForShell(value)}`);

    expect(args).toEqual([value]);
  });

  it("uses plain single quotes unless the value holds control characters", () => {
    expect(quoteForShell("it's")).toBe(`'it'\\''s'`);
    expect(quoteForShell("a\nb")).toBe("'a\nb'");
    expect(quoteForShell("a\rb")).toBe("$'a\\rb'");
  });
});

describe("buildCurlCommand", () => {
  it("sends the method, URL, headers and text body as recorded", () => {
    const body = '{"note": "it\'s \\"fine\\"",\n "emoji": "\u{1f680}"}';
    const { command, notes } = buildCurlCommand(
      request({
        method: "PUT",
        headers: { "content-type": "application/json", "x-trace": "a b; $c" },
        body,
        bodyEncoding: "utf8",
      }),
      ORIGIN,
    );

    expect(runInShell(command).args).toEqual([
      "-X",
      "PUT",
      "https://api.example/orders",
      "-H",
      "content-type: application/json",
      "-H",
      "x-trace: a b; $c",
      "--data-raw",
      body,
    ]);
    expect(notes).toEqual([]);
  });

  it("completes an inbound path with the origin and leaves out a plain GET's method", () => {
    const { command } = buildCurlCommand(request({ method: "get", url: "/hooks/abc?x=1" }), ORIGIN);

    expect(command).toBe("curl 'https://switchyard.example/hooks/abc?x=1'");
  });

  it("leaves out headers curl computes itself, whatever their case", () => {
    const { command } = buildCurlCommand(
      request({
        headers: {
          "Content-Length": "12",
          Host: "api.example",
          Connection: "close",
          accept: "*/*",
        },
        body: "hello",
        bodyEncoding: "utf8",
      }),
      ORIGIN,
    );

    expect(runInShell(command).args).toEqual([
      "-X",
      "POST",
      "https://api.example/orders",
      "-H",
      "accept: */*",
      "--data-raw",
      "hello",
    ]);
  });

  it("sends no data for an empty body but keeps the method", () => {
    const { command } = buildCurlCommand(request({ body: "", bodyEncoding: "utf8" }), ORIGIN);

    expect(runInShell(command).args).toEqual(["-X", "POST", "https://api.example/orders"]);
  });

  it("sends a body that starts with @ as text, not as a file name", () => {
    const { command } = buildCurlCommand(
      request({ body: "@/etc/passwd", bodyEncoding: "utf8" }),
      ORIGIN,
    );

    expect(runInShell(command).args.slice(-2)).toEqual(["--data-raw", "@/etc/passwd"]);
  });

  it("keeps redacted values as they are and says so", () => {
    const { command, notes } = buildCurlCommand(
      request({
        url: "https://api.example/orders?key=[redacted]",
        headers: { authorization: "[redacted]" },
      }),
      ORIGIN,
    );

    expect(runInShell(command).args).toEqual([
      "-X",
      "POST",
      "https://api.example/orders?key=[redacted]",
      "-H",
      "authorization: [redacted]",
    ]);
    expect(notes.join(" ")).toMatch(/\[redacted\]/);
  });

  it("pipes a binary body in through base64 so every byte arrives", () => {
    const bytes = Buffer.from([0x00, 0xff, 0x27, 0x0a, 0x80, 0x24, 0x5c, 0x01]);
    const { command, notes } = buildCurlCommand(
      request({
        headers: { "content-type": "application/octet-stream" },
        body: bytes.toString("base64"),
        bodyEncoding: "base64",
      }),
      ORIGIN,
    );
    const { args, stdin } = runInShell(command);

    expect(args).toEqual([
      "-X",
      "POST",
      "https://api.example/orders",
      "-H",
      "content-type: application/octet-stream",
      "--data-binary",
      "@-",
    ]);
    expect(stdin.equals(bytes)).toBe(true);
    expect(notes.join(" ")).toMatch(/binary/);
  });

  it("sends text holding a NUL byte as binary, since no argument can carry one", () => {
    const { command } = buildCurlCommand(request({ body: "a\0b", bodyEncoding: "utf8" }), ORIGIN);

    expect(runInShell(command).stdin.toString("utf8")).toBe("a\0b");
  });

  it("notes that a truncated body is sent only as far as it was stored", () => {
    const { notes } = buildCurlCommand(
      request({ body: "abc", bodyEncoding: "utf8", isBodyTruncated: true }),
      ORIGIN,
    );

    expect(notes.join(" ")).toMatch(/beginning of the body/);
  });
});
