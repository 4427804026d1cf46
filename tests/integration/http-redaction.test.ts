import { describe, expect, it } from "vitest";

import { REDACTED, redactHeaders, redactSecretValues } from "../../lib/secrets/redact";

// Unit specifications of lib/secrets/redact, kept beside the exchange capture that relies on it.

describe("redactHeaders", () => {
  it.each([
    "Authorization",
    "proxy-authorization",
    "Cookie",
    "set-cookie",
    "X-API-Key",
    "api-key",
    "x-webhook-secret",
    "X-Auth-Token",
    "x-csrf-token",
    "x-db-password",
    "stripe-signature-key",
  ])("redacts the value of %s", (name) => {
    expect(redactHeaders({ [name]: "value" })).toEqual({ [name]: REDACTED });
  });

  it.each(["content-type", "accept", "webhook-signature", "webhook-id", "x-request-id"])(
    "keeps the value of %s",
    (name) => {
      expect(redactHeaders({ [name]: "value" })).toEqual({ [name]: "value" });
    },
  );

  it("returns a copy and leaves the given headers untouched", () => {
    const headers = { authorization: "Bearer abc" };

    const redacted = redactHeaders(headers);

    expect(redacted).not.toBe(headers);
    expect(headers.authorization).toBe("Bearer abc");
  });
});

describe("redactSecretValues", () => {
  it("replaces every literal occurrence of each secret", () => {
    const text = "key=abc123&again=abc123&other=zzz";

    expect(redactSecretValues(text, ["abc123", "zzz"])).toBe(
      `key=${REDACTED}&again=${REDACTED}&other=${REDACTED}`,
    );
  });

  it("replaces a secret that contains another one whole", () => {
    expect(redactSecretValues("token=abcdef", ["abc", "abcdef"])).toBe(`token=${REDACTED}`);
  });

  it("treats regular expression characters in secrets literally", () => {
    expect(redactSecretValues("a.b a+b (x)", ["a.b", "(x)"])).toBe(`${REDACTED} a+b ${REDACTED}`);
  });

  it("does not touch a replacement when a later secret occurs inside the marker", () => {
    expect(redactSecretValues("s3cret", ["s3cret", "act"])).toBe(REDACTED);
  });

  it("ignores empty secrets and returns the text unchanged without secrets", () => {
    expect(redactSecretValues("nothing here", [""])).toBe("nothing here");
    expect(redactSecretValues("nothing here", [])).toBe("nothing here");
  });
});
