import { describe, expect, it } from "vitest";
import { httpRequestConfigSchema } from "../../lib/workflow/http-request-node-type";
import { manualTriggerConfigSchema } from "../../lib/workflow/manual-trigger-node-type";
import { getNodeType, isTriggerType, nodeTypes } from "../../lib/workflow/node-types";
import { sendWebhookConfigSchema } from "../../lib/workflow/send-webhook-node-type";
import { webhookTriggerConfigSchema } from "../../lib/workflow/webhook-trigger-node-type";

const validSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("the node type registry", () => {
  it("lists the node types in palette order with their id prefixes", () => {
    expect(nodeTypes.map((definition) => [definition.type, definition.idPrefix])).toEqual([
      ["webhook-trigger", "webhook"],
      ["manual-trigger", "manual"],
      ["schedule-trigger", "schedule"],
      ["http-request", "http"],
      ["send-webhook", "send"],
      ["respond", "respond"],
      ["condition", "if"],
      ["transform", "transform"],
      ["delay", "delay"],
    ]);
  });

  it("finds a type by name and returns undefined for an unknown name", () => {
    expect(getNodeType("http-request")?.label).toBe("HTTP request");
    expect(getNodeType("ftp-upload")).toBeUndefined();
  });

  it("tells triggers from actions, and treats unknown types as not triggers", () => {
    expect(isTriggerType("webhook-trigger")).toBe(true);
    expect(isTriggerType("manual-trigger")).toBe(true);
    expect(isTriggerType("http-request")).toBe(false);
    expect(isTriggerType("send-webhook")).toBe(false);
    expect(isTriggerType("nope")).toBe(false);
  });

  it("marks only the signing secret as a secret field", () => {
    const secrets = nodeTypes.map((definition) => [definition.type, definition.secretFields]);
    expect(secrets).toEqual([
      ["webhook-trigger", []],
      ["manual-trigger", []],
      ["schedule-trigger", []],
      ["http-request", []],
      ["send-webhook", ["secret"]],
      ["respond", []],
      ["condition", []],
      ["transform", []],
      ["delay", []],
    ]);
  });

  it("mentions the workflow's inbound URL in the webhook trigger's description", () => {
    expect(getNodeType("webhook-trigger")?.description).toMatch(/inbound URL/);
  });

  it("gives default configs that parse, except for settings the user must fill in", () => {
    const results = nodeTypes.map((definition) => {
      const parsed = definition.configSchema.safeParse(definition.defaultConfig);
      return [definition.type, parsed.error?.issues.map((issue) => issue.path.join(".")) ?? []];
    });
    expect(results).toEqual([
      ["webhook-trigger", []],
      ["manual-trigger", []],
      ["schedule-trigger", []],
      ["http-request", ["url"]],
      ["send-webhook", ["url", "secret"]],
      ["respond", []],
      ["condition", []],
      ["transform", []],
      ["delay", []],
    ]);
  });
});

describe("the webhook trigger config", () => {
  it("accepts an empty object and refuses an unknown setting", () => {
    expect(webhookTriggerConfigSchema.safeParse({}).success).toBe(true);
    expect(webhookTriggerConfigSchema.safeParse({ path: "/x" }).success).toBe(false);
  });
});

describe("the manual trigger config", () => {
  it("defaults the test payload to a small JSON object", () => {
    const parsed = manualTriggerConfigSchema.parse({});
    expect(JSON.parse(parsed.testPayload)).toEqual({ hello: "world" });
  });

  it("refuses a test payload that is not JSON, saying so", () => {
    const result = manualTriggerConfigSchema.safeParse({ testPayload: "{hello: world}" });
    expect(messagesOf(result)).toEqual([
      'The test payload must be valid JSON, for example {"hello": "world"}',
    ]);
  });
});

describe("the HTTP request config", () => {
  const base = { url: "https://api.example.com/orders" };

  it("fills in defaults for everything but the URL", () => {
    expect(httpRequestConfigSchema.parse(base)).toEqual({
      method: "GET",
      url: "https://api.example.com/orders",
      headers: {},
      query: {},
      body: "",
      timeoutMs: 10_000,
      retries: 0,
      retryBackoffMs: 1000,
    });
  });

  it("requires a URL", () => {
    expect(messagesOf(httpRequestConfigSchema.safeParse({}))).toEqual(["Enter a URL"]);
    expect(messagesOf(httpRequestConfigSchema.safeParse({ url: "   " }))).toEqual(["Enter a URL"]);
  });

  it("accepts http and https URLs and text with a template, and refuses other URLs", () => {
    const accepts = (url: string) => httpRequestConfigSchema.safeParse({ url }).success;
    expect(accepts("http://localhost:8080/x")).toBe(true);
    expect(accepts("https://api.example.com/orders?id=1")).toBe(true);
    expect(accepts("{{trigger.body.callbackUrl}}")).toBe(true);
    expect(accepts("https://api.example.com/orders/{{trigger.body.id}}")).toBe(true);
    expect(accepts("ftp://example.com/file")).toBe(false);
    expect(accepts("javascript:alert(1)")).toBe(false);
    expect(accepts("api.example.com/orders")).toBe(false);
  });

  it("refuses a method outside the list", () => {
    const result = httpRequestConfigSchema.safeParse({ ...base, method: "TRACE" });
    expect(messagesOf(result)).toEqual(["Choose GET, POST, PUT, PATCH, DELETE or HEAD"]);
  });

  it("keeps the timeout between 100 ms and 30 s, in whole milliseconds", () => {
    const accepts = (timeoutMs: number) =>
      httpRequestConfigSchema.safeParse({ ...base, timeoutMs }).success;
    expect([100, 30_000].map(accepts)).toEqual([true, true]);
    expect([99, 30_001, 150.5].map(accepts)).toEqual([false, false, false]);
  });

  it("refuses a body on GET and HEAD requests but not on POST", () => {
    const withBody = (method: string) =>
      messagesOf(httpRequestConfigSchema.safeParse({ ...base, method, body: "{}" }));
    expect(withBody("GET")).toEqual(["A GET request cannot have a body"]);
    expect(withBody("HEAD")).toEqual(["A HEAD request cannot have a body"]);
    expect(withBody("POST")).toEqual([]);
  });

  it("refuses an empty query parameter name", () => {
    const result = httpRequestConfigSchema.safeParse({ ...base, query: { "": "x" } });
    expect(messagesOf(result)).toEqual(["Query parameter names cannot be empty"]);
  });
});

describe("header maps", () => {
  const headerMessages = (headers: Record<string, unknown>) =>
    messagesOf(httpRequestConfigSchema.safeParse({ url: "https://api.example.com", headers }));

  it("accepts ordinary headers with template values", () => {
    expect(headerMessages({ Authorization: "Bearer {{trigger.body.token}}", "X-Id": "1" })).toEqual(
      [],
    );
  });

  it("refuses names that are not RFC 7230 tokens", () => {
    expect(headerMessages({ "X Trace": "1" })).toEqual([
      '"X Trace" is not a valid header name: use letters, digits and - only',
    ]);
    expect(headerMessages({ "X-A:": "1" })).toHaveLength(1);
    expect(headerMessages({ "X-A\r\nX-B": "1" })).toHaveLength(1);
    expect(headerMessages({ "": "1" })).toHaveLength(1);
  });

  it("refuses values that could inject another header line", () => {
    expect(headerMessages({ "X-A": "1\r\nX-Injected: yes" })).toEqual([
      "The value of X-A contains a line break, which could inject another header",
    ]);
    expect(headerMessages({ "X-A": "1\nX-B: 2" })).toHaveLength(1);
    expect(headerMessages({ "X-A": "1\rX-B: 2" })).toHaveLength(1);
  });

  it("refuses headers the HTTP client owns, in any letter case", () => {
    expect(headerMessages({ HOST: "evil.example" })).toEqual([
      "The HOST header is set by the HTTP client and cannot be configured",
    ]);
    for (const name of ["content-length", "Transfer-Encoding", "Connection"]) {
      expect(headerMessages({ [name]: "x" })).toHaveLength(1);
    }
  });

  it("refuses webhook-* headers on a send-webhook node only", () => {
    const sendMessages = sendWebhookConfigSchema.safeParse({
      url: "https://example.com/hooks",
      secret: validSecret,
      headers: { "Webhook-Signature": "v1,forged" },
    });
    expect(messagesOf(sendMessages)).toEqual([
      'Headers starting with "webhook-" are set by webhook signing and cannot be configured',
    ]);
    expect(headerMessages({ "Webhook-Id": "msg_1" })).toEqual([]);
  });

  it("refuses header values that are not text", () => {
    expect(headerMessages({ "X-A": 1 })).toEqual(["Header values are text"]);
  });
});

describe("the send-webhook config", () => {
  it("fills in the event type, payload, headers, timeout and retry schedule", () => {
    const parsed = sendWebhookConfigSchema.parse({
      url: "https://example.com/h",
      secret: validSecret,
    });
    expect(parsed).toEqual({
      url: "https://example.com/h",
      eventType: "workflow.event",
      payload: '{\n  "data": "{{trigger.body}}"\n}',
      headers: {},
      secret: validSecret,
      timeoutMs: 15_000,
      retrySchedule: "",
    });
  });

  it("asks for a signing secret when it is empty", () => {
    const result = sendWebhookConfigSchema.safeParse({ url: "https://example.com/h", secret: "" });
    expect(messagesOf(result)).toEqual(["Generate a signing secret"]);
  });

  it("refuses a signing secret without the whsec_ prefix or with non-base64 characters", () => {
    for (const secret of [
      "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "whsec_",
      "whsec_abc$",
      "whsec_ab=c",
    ]) {
      const result = sendWebhookConfigSchema.safeParse({ url: "https://example.com/h", secret });
      expect(messagesOf(result)).toEqual(["Signing secrets look like whsec_ followed by base64"]);
    }
  });

  it("accepts a signing secret with base64 padding", () => {
    const result = sendWebhookConfigSchema.safeParse({
      url: "https://example.com/h",
      secret: "whsec_dGVzdA==",
    });
    expect(result.success).toBe(true);
  });
});
