import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

import { generateSigningSecret } from "../../lib/webhooks/generate-signing-secret";
import { verifyWebhook, type VerifyWebhookInput } from "../../lib/webhooks/verify-webhook";

// The reference vector published with the Standard Webhooks specification.
const reference = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  messageId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const referenceHeaders = {
  "webhook-id": reference.messageId,
  "webhook-timestamp": String(reference.timestampSeconds),
  "webhook-signature": reference.signature,
};

function verifyReference(overrides: Partial<VerifyWebhookInput> = {}) {
  return verifyWebhook({
    secret: reference.secret,
    headers: referenceHeaders,
    rawBody: new TextEncoder().encode(reference.body),
    nowSeconds: reference.timestampSeconds,
    ...overrides,
  });
}

describe("verifyWebhook", () => {
  it("accepts the specification's reference message byte for byte", () => {
    expect(verifyReference()).toEqual({ ok: true });
  });

  it("accepts the raw body given as a string", () => {
    expect(verifyReference({ rawBody: reference.body })).toEqual({ ok: true });
  });

  it("reads headers from a Headers object and from a record with any letter case", () => {
    const upperCased = Object.fromEntries(
      Object.entries(referenceHeaders).map(([name, value]) => [name.toUpperCase(), value]),
    );

    expect(verifyReference({ headers: new Headers(referenceHeaders) })).toEqual({ ok: true });
    expect(verifyReference({ headers: upperCased })).toEqual({ ok: true });
  });

  it("accepts a message when any one of several v1 signatures matches", () => {
    const otherSignature = `v1,${Buffer.alloc(32, 7).toString("base64")}`;
    const headers = {
      ...referenceHeaders,
      "webhook-signature": `v1a,c29tZXRoaW5nIGVsc2U= ${otherSignature} ${reference.signature}`,
    };

    expect(verifyReference({ headers })).toEqual({ ok: true });
  });

  it("accepts a message signed by the standardwebhooks reference library", () => {
    const secret = generateSigningSecret();
    const body = '{"event":"ping"}';
    const sentAt = new Date();
    const signature = new Webhook(secret).sign("msg_interop", sentAt, body);

    const verdict = verifyWebhook({
      secret,
      headers: {
        "webhook-id": "msg_interop",
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      rawBody: body,
      nowSeconds: Math.floor(sentAt.getTime() / 1000),
    });

    expect(verdict).toEqual({ ok: true });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
    "rejects a message without the %s header as missing_headers",
    (name) => {
      const headers = Object.fromEntries(
        Object.entries(referenceHeaders).filter(([key]) => key !== name),
      );

      expect(verifyReference({ headers })).toEqual({ ok: false, reason: "missing_headers" });
    },
  );

  it.each(["", "soon", "1614265330.5", "-1614265330", "0x6037a1f2", "99999999999999999999"])(
    "rejects the timestamp %j as malformed_timestamp",
    (timestamp) => {
      const headers = { ...referenceHeaders, "webhook-timestamp": timestamp };
      const expected = timestamp === "" ? "missing_headers" : "malformed_timestamp";

      expect(verifyReference({ headers })).toEqual({ ok: false, reason: expected });
    },
  );

  it("rejects a message older or newer than the tolerance as timestamp_out_of_tolerance", () => {
    const late = verifyReference({ nowSeconds: reference.timestampSeconds + 301 });
    const early = verifyReference({ nowSeconds: reference.timestampSeconds - 301 });

    expect(late).toEqual({ ok: false, reason: "timestamp_out_of_tolerance" });
    expect(early).toEqual({ ok: false, reason: "timestamp_out_of_tolerance" });
  });

  it("accepts a message exactly at the edge of the tolerance and honours a custom one", () => {
    expect(verifyReference({ nowSeconds: reference.timestampSeconds + 300 })).toEqual({
      ok: true,
    });
    expect(
      verifyReference({ nowSeconds: reference.timestampSeconds + 30, toleranceSeconds: 10 }),
    ).toEqual({ ok: false, reason: "timestamp_out_of_tolerance" });
  });

  it.each([
    "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    "v1,",
    "v1,not-base64",
    "v1,c2hvcnQ=",
    "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  ])("rejects the signature header %j as malformed_signature", (signature) => {
    const headers = { ...referenceHeaders, "webhook-signature": signature };

    expect(verifyReference({ headers })).toEqual({ ok: false, reason: "malformed_signature" });
  });

  it("rejects a body altered by a single byte as signature_mismatch", () => {
    const altered = new TextEncoder().encode(reference.body);
    altered[altered.length - 2] = "5".charCodeAt(0);

    expect(verifyReference({ rawBody: altered })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
  });

  it("rejects a re-serialised body, since only the raw bytes are signed", () => {
    const reserialised = JSON.stringify(JSON.parse(reference.body));

    expect(verifyReference({ rawBody: reserialised })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
  });

  it("rejects a message checked against another secret as signature_mismatch", () => {
    expect(verifyReference({ secret: generateSigningSecret() })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
  });

  it("rejects a changed message id or timestamp as signature_mismatch", () => {
    const otherId = { ...referenceHeaders, "webhook-id": "msg_other" };
    const otherTime = { ...referenceHeaders, "webhook-timestamp": "1614265331" };

    expect(verifyReference({ headers: otherId })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
    expect(verifyReference({ headers: otherTime })).toEqual({
      ok: false,
      reason: "signature_mismatch",
    });
  });
});
