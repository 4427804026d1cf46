import { describe, expect, it } from "vitest";
import { httpRequestNodeType } from "../../lib/workflow/http-request-node-type";
import { validateNodeConfig } from "../../lib/workflow/validate-node-config";

describe("validateNodeConfig", () => {
  it("returns the parsed config with defaults filled in", () => {
    expect(validateNodeConfig("http-request", { url: "https://api.example.com" })).toEqual({
      ok: true,
      config: {
        method: "GET",
        url: "https://api.example.com",
        headers: {},
        query: {},
        body: "",
        timeoutMs: 10_000,
        retries: 0,
        retryBackoffMs: 1000,
      },
    });
  });

  it("types the config when given the definition", () => {
    const result = validateNodeConfig(httpRequestNodeType, { url: "https://a.example" });
    expect(result.ok && result.config.timeoutMs).toBe(10_000);
  });

  it("reports an unknown type as an issue on the type", () => {
    expect(validateNodeConfig("ftp-upload", {})).toEqual({
      ok: false,
      issues: [{ field: "type", message: 'Unknown node type "ftp-upload"' }],
    });
  });

  it("reports each issue on the top-level field it concerns", () => {
    const result = validateNodeConfig("http-request", {
      url: "",
      timeoutMs: 5,
      headers: { Host: "evil.example" },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: "url", message: "Enter a URL" },
        {
          field: "headers",
          message: "The Host header is set by the HTTP client and cannot be configured",
        },
        { field: "timeoutMs", message: "The timeout must be at least 100 ms" },
      ],
    });
  });

  it("reports each unknown setting by name", () => {
    expect(validateNodeConfig("webhook-trigger", { path: "/x", secret: "s" })).toEqual({
      ok: false,
      issues: [
        { field: "path", message: '"path" is not a setting of this node type' },
        { field: "secret", message: '"secret" is not a setting of this node type' },
      ],
    });
  });

  it("reports template syntax errors in fields that support templates", () => {
    const result = validateNodeConfig("http-request", {
      url: "https://api.example.com/{{trigger.body.id",
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ field: "url", message: 'Unterminated "{{" at character 25: close it with "}}"' }],
    });
  });

  it("names the map key whose value has a template error", () => {
    const result = validateNodeConfig("http-request", {
      url: "https://api.example.com",
      headers: { "X-Id": "{{ window.location }}" },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: "headers",
          message: 'X-Id: {{window.location}}: a path starts with trigger or steps, not "window"',
        },
      ],
    });
  });

  it("reads JSON fields the way JSON rendering does", () => {
    const payload = '{"name": "{{trigger.body[\\"full name\\"]}}"}';
    const result = validateNodeConfig("send-webhook", {
      url: "https://example.com/hooks",
      secret: "whsec_dGVzdA==",
      payload,
    });
    expect(result.ok).toBe(true);
  });

  it("does not look for templates in fields that do not support them", () => {
    const result = validateNodeConfig("manual-trigger", { testPayload: '{"a": "{{oops"}' });
    expect(result.ok).toBe(true);
  });
});
