import { z } from "zod";
import { describe, expect, it } from "vitest";
import { describeConfigFields, type FieldSpec } from "../../lib/workflow/config-fields";
import type { NodeTypeDefinition } from "../../lib/workflow/node-type";

/**
 * Keeps the expectations readable: only the keys a spec actually sets, and no descriptions,
 * whose wording has its own test.
 */
function formShapeOf(fields: FieldSpec[]) {
  return fields.map((field) =>
    Object.fromEntries(
      Object.entries(field).filter(([key, value]) => value !== undefined && key !== "description"),
    ),
  );
}

describe("describeConfigFields", () => {
  it("shows the webhook trigger's scheme settings only for the scheme chosen", () => {
    const fields = describeConfigFields("webhook-trigger");
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get("verification")).toMatchObject({ kind: "select", required: false });
    expect(byName.get("verification")?.visibleWhen).toBeUndefined();
    expect(byName.get("hmacHeader")).toMatchObject({
      label: "Signature header",
      visibleWhen: { field: "verification", oneOf: ["hmac"] },
    });
    expect(byName.get("hmacTimestampHeader")?.visibleWhen).toEqual({
      field: "hmacSignedContent",
      oneOf: ["timestamp.body"],
    });
    expect(byName.get("responseTimeoutMs")).toMatchObject({
      kind: "number",
      min: 100,
      max: 60_000,
    });
  });

  it("gives an unknown type no fields", () => {
    expect(describeConfigFields("ftp-upload")).toEqual([]);
  });

  it("describes the manual trigger's test payload as optional JSON without templates", () => {
    expect(formShapeOf(describeConfigFields("manual-trigger"))).toEqual([
      {
        name: "testPayload",
        label: "Test payload",
        required: false,
        kind: "json",
        supportsTemplates: false,
      },
    ]);
  });

  it("describes the HTTP request's fields in schema order with kinds, bounds and choices", () => {
    expect(formShapeOf(describeConfigFields("http-request"))).toEqual([
      {
        name: "method",
        label: "Method",
        required: false,
        kind: "select",
        options: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
        supportsTemplates: false,
      },
      {
        name: "url",
        label: "URL",
        required: true,
        kind: "text",
        supportsTemplates: true,
        placeholder: "https://api.example.com/orders/{{trigger.body.orderId}}",
      },
      {
        name: "headers",
        label: "Headers",
        required: false,
        kind: "keyValue",
        supportsTemplates: true,
      },
      {
        name: "query",
        label: "Query parameters",
        required: false,
        kind: "keyValue",
        supportsTemplates: true,
      },
      {
        name: "body",
        label: "Body",
        required: false,
        kind: "json",
        supportsTemplates: true,
      },
      {
        name: "timeoutMs",
        label: "Timeout (ms)",
        required: false,
        kind: "number",
        min: 100,
        max: 30_000,
        supportsTemplates: false,
      },
      {
        name: "retries",
        label: "Retries",
        required: false,
        kind: "number",
        min: 0,
        max: 5,
        supportsTemplates: false,
      },
      {
        name: "retryBackoffMs",
        label: "First retry delay (ms)",
        required: false,
        kind: "number",
        min: 100,
        max: 60_000,
        supportsTemplates: false,
      },
    ]);
  });

  it("describes the send-webhook fields, with the signing secret as a required secret", () => {
    const fields = describeConfigFields("send-webhook");
    expect(
      fields.map((field) => [field.name, field.kind, field.required, field.supportsTemplates]),
    ).toEqual([
      ["url", "text", true, true],
      ["eventType", "text", false, true],
      ["payload", "json", false, true],
      ["headers", "keyValue", false, true],
      ["secret", "secret", true, false],
      ["timeoutMs", "number", false, false],
      ["retrySchedule", "text", false, false],
    ]);
    expect(fields.find((field) => field.name === "secret")?.label).toBe("Signing secret");
    expect(fields.find((field) => field.name === "timeoutMs")).toMatchObject({
      min: 100,
      max: 30_000,
    });
  });

  it("tells where the manual trigger's test payload ends up", () => {
    const [testPayload] = describeConfigFields("manual-trigger");
    expect(testPayload?.description).toContain("{{trigger.body}}");
  });

  it("gives every field of every type a label and a description", () => {
    const types = ["manual-trigger", "http-request", "send-webhook"];
    const unlabeled = types
      .flatMap((type) => describeConfigFields(type))
      .filter((field) => field.label === field.name || !field.description);
    expect(unlabeled).toEqual([]);
  });

  it("reads metadata from the outside of a default as well as from the inside", () => {
    const configSchema = z.strictObject({
      inner: z.string().meta({ title: "Inner", formKind: "textarea" }).default(""),
      outer: z.string().default("").meta({ title: "Outer", supportsTemplates: true }),
      plain: z.string().optional(),
    });
    const definition: NodeTypeDefinition = {
      type: "test",
      idPrefix: "test",
      label: "Test",
      description: "",
      category: "action",
      configSchema,
      defaultConfig: {},
      secretFields: [],
    };
    expect(describeConfigFields(definition)).toMatchObject([
      { name: "inner", label: "Inner", kind: "textarea", required: false },
      { name: "outer", label: "Outer", kind: "text", supportsTemplates: true },
      { name: "plain", label: "plain", kind: "text", required: false, supportsTemplates: false },
    ]);
  });

  it("throws for a field shape the form cannot show, so a registry mistake fails fast", () => {
    const definition: NodeTypeDefinition = {
      type: "test",
      idPrefix: "test",
      label: "Test",
      description: "",
      category: "action",
      configSchema: z.strictObject({ enabled: z.boolean() }),
      defaultConfig: {},
      secretFields: [],
    };
    expect(() => describeConfigFields(definition)).toThrow(/enabled/);
  });
});
