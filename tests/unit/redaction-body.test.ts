import { describe, expect, it } from "vitest";
import { captureBody } from "../../lib/http/captured-exchange";
import {
  builtInRedactionRules,
  redactBodyText,
  redactionRulesOf,
} from "../../lib/redaction/redaction-rules";

function rules(jsonPaths: string[], maxStoredBodyBytes = 1024 * 1024) {
  return redactionRulesOf({ headerNames: [], jsonPaths, maxStoredBodyBytes });
}

function redactJson(value: unknown, paths: string[]): unknown {
  return JSON.parse(redactBodyText(JSON.stringify(value), "application/json", rules(paths)));
}

describe("redacting JSON bodies by path", () => {
  it("replaces the value at a nested path and nothing else", () => {
    const body = { card: { number: "4242", brand: "visa" }, number: "keep" };
    expect(redactJson(body, ["card.number"])).toEqual({
      card: { number: "[redacted]", brand: "visa" },
      number: "keep",
    });
  });

  it("replaces whole objects and arrays at a path, not only strings", () => {
    const body = { card: { number: 4242 }, tags: ["a"] };
    expect(redactJson(body, ["card", "tags"])).toEqual({ card: "[redacted]", tags: "[redacted]" });
  });

  it("matches any one key with *", () => {
    const body = { user: { ann: { ssn: "1" }, bob: { ssn: "2", age: 3 } }, ssn: "top" };
    expect(redactJson(body, ["user.*.ssn"])).toEqual({
      user: { ann: { ssn: "[redacted]" }, bob: { ssn: "[redacted]", age: 3 } },
      ssn: "top",
    });
  });

  it("matches every array element with [*], and an array at the top level", () => {
    const body = { items: [{ token: "a" }, { token: "b", id: 1 }, "plain"] };
    expect(redactJson(body, ["items[*].token"])).toEqual({
      items: [{ token: "[redacted]" }, { token: "[redacted]", id: 1 }, "plain"],
    });
    expect(redactJson([{ token: "a" }], ["*.token"])).toEqual([{ token: "[redacted]" }]);
  });

  it("matches a name at any depth with **, the top level included", () => {
    const body = {
      password: "p0",
      a: { password: "p1", b: [{ c: { password: "p2" } }] },
      other: "keep",
    };
    expect(redactJson(body, ["**.password"])).toEqual({
      password: "[redacted]",
      a: { password: "[redacted]", b: [{ c: { password: "[redacted]" } }] },
      other: "keep",
    });
  });

  it("finds paths below ** in the middle of a path", () => {
    const body = { x: { card: { number: "1" } }, card: { number: "2" }, number: "3" };
    expect(redactJson(body, ["**.card.number"])).toEqual({
      x: { card: { number: "[redacted]" } },
      card: { number: "[redacted]" },
      number: "3",
    });
  });

  it("treats a key named __proto__ as a plain key", () => {
    const text = '{"__proto__":{"secret":"s"},"ok":1}';
    const redacted = redactBodyText(text, "application/json", rules(["__proto__"]));
    expect(redacted).toBe('{"__proto__":"[redacted]","ok":1}');
  });

  it("leaves a body in which nothing matched byte for byte as it was", () => {
    const text = '{ "a" : 1,\n  "b": [1, 2] }';
    expect(redactBodyText(text, "application/json", rules(["c"]))).toBe(text);
  });

  it("leaves non-JSON and invalid JSON bodies as they are", () => {
    expect(redactBodyText("password=1", "text/plain", rules(["password"]))).toBe("password=1");
    expect(redactBodyText('{"password": 1', undefined, rules(["password"]))).toBe('{"password": 1');
    expect(redactBodyText('"password"', undefined, rules(["password"]))).toBe('"password"');
  });

  it("redacts form fields by name when a path is a single name", () => {
    const form = "card=4242&name=Ann+Lee&card=1111";
    const redacted = redactBodyText(form, "application/x-www-form-urlencoded", rules(["card"]));
    expect(new URLSearchParams(redacted).getAll("card")).toEqual(["[redacted]", "[redacted]"]);
    expect(new URLSearchParams(redacted).get("name")).toBe("Ann Lee");
    expect(redactBodyText(form, "application/x-www-form-urlencoded", rules(["x.card"]))).toBe(form);
  });
});

describe("capturing a body under redaction rules", () => {
  it("redacts before capping, so the cap measures the redacted body", () => {
    const value = { secret: "s".repeat(2000), note: "n" };
    const body = Buffer.from(JSON.stringify(value));
    const captured = captureBody(body, rules(["secret"], 1024), [], "application/json");
    expect(captured).toEqual({
      text: '{"secret":"[redacted]","note":"n"}',
      truncated: false,
      encoding: "utf8",
    });
  });

  it("caps a redacted body that is still too long, with the truncated flag", () => {
    const value = { secret: "s", items: Array.from({ length: 500 }, (_, index) => index) };
    const body = Buffer.from(JSON.stringify(value));
    const captured = captureBody(body, rules(["secret"], 1024), [], "application/json");
    expect(captured.truncated).toBe(true);
    expect(Buffer.byteLength(captured.text ?? "")).toBe(1024);
    expect(captured.text?.startsWith('{"secret":"[redacted]","items":[0,1,2')).toBe(true);
  });

  it("redacts a path deep inside a body of several megabytes and keeps only the cap", () => {
    const filler = Array.from({ length: 40_000 }, (_, index) => ({
      id: index,
      text: "x".repeat(100),
    }));
    const body = Buffer.from(JSON.stringify({ filler, last: { token: "t0k3n" } }));
    expect(body.length).toBeGreaterThan(4 * 1024 * 1024);
    const keepAll = captureBody(body, rules(["**.token"], 10 * 1024 * 1024));
    expect(keepAll.truncated).toBe(false);
    expect(keepAll.text).not.toContain("t0k3n");
    expect(keepAll.text?.endsWith('"last":{"token":"[redacted]"}}')).toBe(true);

    const capped = captureBody(body, rules(["**.token"], 1024));
    expect(capped.truncated).toBe(true);
    expect(Buffer.byteLength(capped.text ?? "")).toBe(1024);
  });

  it("leaves bodies alone and unparsed without paths, capping the raw bytes", () => {
    const captured = captureBody(Buffer.from('{"a":"é"}'), builtInRedactionRules(7));
    expect(captured).toEqual({ text: '{"a":"', truncated: true, encoding: "utf8" });
  });

  it("stores a body that is not UTF-8 as base64, unredacted", () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const captured = captureBody(bytes, rules(["a"]));
    expect(captured).toEqual({
      text: bytes.toString("base64"),
      truncated: false,
      encoding: "base64",
    });
  });

  it("still replaces known secret values in bodies that are not JSON", () => {
    const captured = captureBody(Buffer.from("key is k3y"), rules(["a"]), ["k3y"]);
    expect(captured.text).toBe("key is [redacted]");
  });
});
