import { describe, expect, it } from "vitest";
import { describeConfigFields } from "../../lib/workflow/config-fields";
import { getNodeType } from "../../lib/workflow/node-types";
import { respondConfigSchema } from "../../lib/workflow/respond-node-type";

function messagesOf(value: unknown): string[] {
  return respondConfigSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
}

describe("the Respond node type", () => {
  it("is registered as an action with the respond id prefix", () => {
    expect(getNodeType("respond")).toMatchObject({
      idPrefix: "respond",
      label: "Respond",
      category: "action",
      secretFields: [],
    });
  });

  it("answers 200 with a small JSON body and no headers by default", () => {
    const parsed = respondConfigSchema.parse({});
    expect(parsed).toEqual({ status: 200, headers: {}, body: '{\n  "received": true\n}' });
    expect(JSON.parse(parsed.body)).toEqual({ received: true });
  });

  it("has a default config that parses as it is", () => {
    const definition = getNodeType("respond");
    expect(definition?.configSchema.safeParse(definition.defaultConfig).success).toBe(true);
  });

  it("accepts statuses from 200 to 599 in whole numbers only", () => {
    const accepts = (status: number) => respondConfigSchema.safeParse({ status }).success;
    expect([200, 201, 422, 599].map(accepts)).toEqual([true, true, true, true]);
    expect(messagesOf({ status: 101 })).toEqual(["The status code must be at least 200"]);
    expect(messagesOf({ status: 600 })).toEqual(["The status code can be at most 599"]);
    expect(messagesOf({ status: 200.5 })).toEqual(["Enter a whole status code"]);
    expect(messagesOf({ status: "200" })).toEqual(["Enter a status code"]);
  });

  it("refuses headers the server sets itself and values that break the header line", () => {
    expect(messagesOf({ headers: { "Content-Length": "10" } })).toEqual([
      "The Content-Length header is set by the HTTP client and cannot be configured",
    ]);
    expect(messagesOf({ headers: { "transfer-encoding": "chunked" } })).toHaveLength(1);
    expect(messagesOf({ headers: { "X-A": "1\r\nSet-Cookie: a=b" } })).toEqual([
      "The value of X-A contains a line break, which could inject another header",
    ]);
  });

  it("accepts its own content type and header values with templates", () => {
    const headers = { "Content-Type": "text/csv", "X-Order": "{{trigger.body.id}}" };
    expect(messagesOf({ headers })).toEqual([]);
  });

  it("refuses settings it does not know", () => {
    expect(respondConfigSchema.safeParse({ delayMs: 10 }).success).toBe(false);
  });
});

describe("describeConfigFields for the Respond node", () => {
  it("describes status, headers and a JSON body, with templates in headers and body", () => {
    const fields = describeConfigFields("respond");
    expect(
      fields.map((field) => [field.name, field.kind, field.required, field.supportsTemplates]),
    ).toEqual([
      ["status", "number", false, false],
      ["headers", "keyValue", false, true],
      ["body", "json", false, true],
    ]);
    expect(fields[0]).toMatchObject({ label: "Status code", min: 200, max: 599 });
  });

  it("gives every field a label and a description", () => {
    const unlabeled = describeConfigFields("respond").filter(
      (field) => field.label === field.name || !field.description,
    );
    expect(unlabeled).toEqual([]);
  });
});
