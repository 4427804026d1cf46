import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

import { generateSigningSecret } from "../../lib/webhooks/generate-signing-secret";
import { buildWebhookHeaders, signWebhook } from "../../lib/webhooks/sign-webhook";
import { verifyWebhook } from "../../lib/webhooks/verify-webhook";

// The reference vector published with the Standard Webhooks specification.
const reference = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  messageId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signWebhook", () => {
  it("reproduces the specification's reference signature byte for byte", () => {
    const signature = signWebhook({ ...reference, secrets: [reference.secret] });

    expect(signature).toBe(reference.signature);
  });

  it("signs the same bytes whether the body is given as a string or as bytes", () => {
    const fromBytes = signWebhook({
      ...reference,
      secrets: [reference.secret],
      body: new TextEncoder().encode(reference.body),
    });

    expect(fromBytes).toBe(reference.signature);
  });

  it("accepts a secret without the whsec_ prefix", () => {
    const signature = signWebhook({
      ...reference,
      secrets: [reference.secret.replace("whsec_", "")],
    });

    expect(signature).toBe(reference.signature);
  });

  it("emits one space-separated v1 entry per secret during a rotation", () => {
    const newSecret = generateSigningSecret();

    const header = signWebhook({ ...reference, secrets: [reference.secret, newSecret] });

    const entries = header.split(" ");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(reference.signature);
    expect(entries[1]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(entries[1]).not.toBe(entries[0]);
  });

  it("refuses to sign without a secret, with a malformed secret or a fractional timestamp", () => {
    expect(() => signWebhook({ ...reference, secrets: [] })).toThrow(TypeError);
    expect(() => signWebhook({ ...reference, secrets: ["whsec_not base64!"] })).toThrow(TypeError);
    expect(() =>
      signWebhook({ ...reference, secrets: [reference.secret], timestampSeconds: 1.5 }),
    ).toThrow(TypeError);
  });
});

describe("buildWebhookHeaders", () => {
  it("builds the id, timestamp and signature headers of one delivery attempt", () => {
    const headers = buildWebhookHeaders({ ...reference, secrets: [reference.secret] });

    expect(headers).toEqual({
      "webhook-id": reference.messageId,
      "webhook-timestamp": String(reference.timestampSeconds),
      "webhook-signature": reference.signature,
    });
  });

  it("produces headers that the standardwebhooks reference library accepts", () => {
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: "run.finished", data: { id: "run_1" } });
    const headers = buildWebhookHeaders({
      secrets: [secret],
      messageId: "msg_interop",
      timestampSeconds: Math.floor(Date.now() / 1000),
      body,
    });

    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
  });
});

describe("generateSigningSecret", () => {
  it("returns whsec_ followed by base64 of 32 random bytes", () => {
    const secret = generateSigningSecret();

    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
  });

  it("returns a different secret on every call", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateSigningSecret()));

    expect(secrets.size).toBe(50);
  });

  it("returns secrets that sign and verify a message", () => {
    const secret = generateSigningSecret();
    const message = { messageId: "msg_1", timestampSeconds: 1_700_000_000, body: "{}" };
    const headers = buildWebhookHeaders({ ...message, secrets: [secret] });

    const verdict = verifyWebhook({
      secret,
      headers,
      rawBody: message.body,
      nowSeconds: message.timestampSeconds,
    });

    expect(verdict).toEqual({ ok: true });
  });
});
