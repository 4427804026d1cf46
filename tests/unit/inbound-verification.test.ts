import { createHmac } from "node:crypto";

import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import {
  checkVerificationSecret,
  verifyInboundRequest,
  type InboundVerificationRequest,
  type VerificationOutcome,
} from "../../lib/webhooks/inbound-verification";
import { generateSigningSecret } from "../../lib/webhooks/generate-signing-secret";
import {
  verificationKinds,
  webhookTriggerConfigSchema,
  type VerificationKind,
  type WebhookTriggerConfig,
} from "../../lib/workflow/webhook-trigger-node-type";

const NOW_MS = Date.UTC(2026, 11, 1, 12, 0, 0, 500);
const NOW_SECONDS = Math.floor(NOW_MS / 1000);

const JSON_BODY = '{"event":"order.paid","amount":4200}';
// 0xff and 0xfe never occur in UTF-8, so decoding and re-encoding this body would change it.
const BINARY_BODY = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x7b, 0x22, 0xc3, 0x28]);

type Headers = Record<string, string | undefined>;

function triggerOf(
  settings: Partial<z.input<typeof webhookTriggerConfigSchema>>,
): WebhookTriggerConfig {
  return webhookTriggerConfigSchema.parse(settings);
}

function requestOf(
  headers: Headers,
  body: string | Uint8Array = JSON_BODY,
  nowMs = NOW_MS,
): InboundVerificationRequest {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return { headers, body: bytes, nowMs };
}

function hmacOf(
  algorithm: "sha1" | "sha256" | "sha512",
  key: string,
  ...parts: (string | Uint8Array)[]
): Buffer {
  const hmac = createHmac(algorithm, key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

function withOneByteChanged(body: string): Uint8Array {
  const bytes = new TextEncoder().encode(body);
  const index = bytes.length - 2;
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes;
}

function rejected(reason: string | RegExp): object {
  const expected: unknown = typeof reason === "string" ? reason : expect.stringMatching(reason);
  return { ok: false, reason: expected };
}

function reasonOf(outcome: VerificationOutcome): string {
  return outcome.ok ? "" : outcome.reason;
}

describe("verifyInboundRequest with no verification", () => {
  it("accepts any request without a secret", () => {
    const outcome = verifyInboundRequest(triggerOf({}), null, requestOf({}));

    expect(outcome).toEqual({ ok: true });
  });
});

describe("verifyInboundRequest without a stored secret", () => {
  const kindsNeedingSecret = verificationKinds.filter((kind) => kind !== "none");

  it.each(kindsNeedingSecret)("refuses every %s request when the secret is null", (kind) => {
    const outcome = verifyInboundRequest(triggerOf({ verification: kind }), null, requestOf({}));

    expect(outcome).toEqual(rejected("No verification secret is stored for this workflow"));
  });

  it.each(kindsNeedingSecret)("refuses every %s request when the secret is empty", (kind) => {
    const outcome = verifyInboundRequest(triggerOf({ verification: kind }), "", requestOf({}));

    expect(outcome).toEqual(rejected("No verification secret is stored for this workflow"));
  });
});

describe("verifyInboundRequest with Standard Webhooks", () => {
  const trigger = triggerOf({ verification: "standard-webhooks" });
  const secret = generateSigningSecret();

  function signedHeaders(body: string | Uint8Array, sentAtMs = NOW_MS): Headers {
    return {
      "webhook-id": "msg_2a8xL0",
      "webhook-timestamp": String(Math.floor(sentAtMs / 1000)),
      "webhook-signature": new Webhook(secret).sign("msg_2a8xL0", new Date(sentAtMs), body),
    };
  }

  function verify(headers: Headers, body: string | Uint8Array = JSON_BODY, key = secret) {
    return verifyInboundRequest(trigger, key, requestOf(headers, body));
  }

  it("accepts a message signed by the standardwebhooks library", () => {
    expect(verify(signedHeaders(JSON_BODY))).toEqual({ ok: true });
  });

  it("accepts the reference message published with the specification", () => {
    const headers = {
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    };
    const request = requestOf(headers, '{"test": 2432232314}', 1614265330_000);

    const outcome = verifyInboundRequest(
      trigger,
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      request,
    );

    expect(outcome).toEqual({ ok: true });
  });

  it("accepts a body that is not UTF-8, byte for byte", () => {
    expect(verify(signedHeaders(BINARY_BODY), BINARY_BODY)).toEqual({ ok: true });
  });

  it("accepts a message when one of several signatures matches", () => {
    const headers = signedHeaders(JSON_BODY);
    const wrong = `v1,${Buffer.alloc(32, 9).toString("base64")}`;
    headers["webhook-signature"] = `v1a,bm90IHVzZWQ= ${wrong}  ${headers["webhook-signature"]}`;

    expect(verify(headers)).toEqual({ ok: true });
  });

  it("accepts a timestamp exactly five minutes old", () => {
    expect(verify(signedHeaders(JSON_BODY, NOW_MS - 300_000))).toEqual({ ok: true });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
    "refuses a message without the %s header",
    (name) => {
      const headers = { ...signedHeaders(JSON_BODY), [name]: undefined };

      expect(verify(headers)).toEqual(rejected(`The ${name} header is missing`));
    },
  );

  it("treats an empty header as missing", () => {
    const headers = { ...signedHeaders(JSON_BODY), "webhook-id": "" };

    expect(verify(headers)).toEqual(rejected("The webhook-id header is missing"));
  });

  it.each(["soon", "1764590400.5", "-1764590400", "0x6937"])(
    "refuses the non-numeric timestamp %j",
    (timestamp) => {
      const headers = { ...signedHeaders(JSON_BODY), "webhook-timestamp": timestamp };

      expect(verify(headers)).toEqual(
        rejected("The webhook-timestamp header is not a Unix time in seconds"),
      );
    },
  );

  it("refuses a message signed more than five minutes ago, saying how old it is", () => {
    const headers = signedHeaders(JSON_BODY, NOW_MS - 412_000);

    expect(verify(headers)).toEqual(
      rejected("The timestamp is 412 seconds old; at most 300 are allowed"),
    );
  });

  it("refuses a message dated more than five minutes ahead", () => {
    const headers = signedHeaders(JSON_BODY, NOW_MS + 301_000);

    expect(verify(headers)).toEqual(
      rejected("The timestamp is 301 seconds in the future; at most 300 are allowed"),
    );
  });

  it("refuses a body changed by one byte", () => {
    const outcome = verify(signedHeaders(JSON_BODY), withOneByteChanged(JSON_BODY));

    expect(outcome).toEqual(rejected("The signature does not match the message"));
  });

  it("refuses a message signed with another secret, without echoing either", () => {
    const outcome = verify(signedHeaders(JSON_BODY), JSON_BODY, generateSigningSecret());

    expect(outcome).toEqual(rejected("The signature does not match the message"));
  });

  it("refuses a truncated signature as malformed", () => {
    const headers = signedHeaders(JSON_BODY);
    headers["webhook-signature"] = headers["webhook-signature"]?.slice(0, -6);

    expect(verify(headers)).toEqual(
      rejected("The v1 signature in webhook-signature is not 44 base64 characters"),
    );
  });

  it("refuses a signature header with no v1 entry", () => {
    const headers = signedHeaders(JSON_BODY);
    headers["webhook-signature"] = headers["webhook-signature"]?.replace("v1,", "v2,");

    expect(verify(headers)).toEqual(rejected("The webhook-signature header has no v1 signature"));
  });

  it("refuses every message when the stored secret is not a Standard Webhooks secret", () => {
    const outcome = verify(signedHeaders(JSON_BODY), JSON_BODY, "not base64!");

    expect(outcome).toEqual(rejected(/^The stored secret is not a Standard Webhooks secret/));
  });
});

describe("verifyInboundRequest with GitHub", () => {
  const trigger = triggerOf({ verification: "github" });
  const secret = "It's a Secret to Everybody";

  function signatureOf(body: string | Uint8Array, key = secret): string {
    return `sha256=${hmacOf("sha256", key, body).toString("hex")}`;
  }

  function verify(headers: Headers, body: string | Uint8Array = JSON_BODY) {
    return verifyInboundRequest(trigger, secret, requestOf(headers, body));
  }

  it("accepts a delivery signed as GitHub signs it", () => {
    const outcome = verify({ "x-hub-signature-256": signatureOf(JSON_BODY) });

    expect(outcome).toEqual({ ok: true });
  });

  it("accepts GitHub's documented example", () => {
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    const outcome = verifyInboundRequest(
      trigger,
      secret,
      requestOf({ "x-hub-signature-256": signature }, "Hello, World!"),
    );

    expect(outcome).toEqual({ ok: true });
  });

  it("accepts a body that is not UTF-8, byte for byte", () => {
    const outcome = verify({ "x-hub-signature-256": signatureOf(BINARY_BODY) }, BINARY_BODY);

    expect(outcome).toEqual({ ok: true });
  });

  it("refuses a delivery without X-Hub-Signature-256", () => {
    const legacyOnly = { "x-hub-signature": `sha1=${"0".repeat(40)}` };

    expect(verify(legacyOnly)).toEqual(rejected("The X-Hub-Signature-256 header is missing"));
  });

  it("refuses a signature without the sha256= prefix", () => {
    const bare = signatureOf(JSON_BODY).slice("sha256=".length);

    expect(verify({ "x-hub-signature-256": bare })).toEqual(
      rejected("The X-Hub-Signature-256 header does not start with sha256="),
    );
    expect(verify({ "x-hub-signature-256": `sha1=${bare}` })).toEqual(
      rejected("The X-Hub-Signature-256 header does not start with sha256="),
    );
  });

  it.each([
    ["truncated", (signature: string) => signature.slice(0, -2)],
    ["not hex", (signature: string) => `${signature.slice(0, -1)}z`],
  ])("refuses a signature that is %s", (_, damage) => {
    const outcome = verify({ "x-hub-signature-256": damage(signatureOf(JSON_BODY)) });

    expect(outcome).toEqual(rejected("The X-Hub-Signature-256 signature is not 64 hex characters"));
  });

  it("refuses a body changed by one byte", () => {
    const headers = { "x-hub-signature-256": signatureOf(JSON_BODY) };

    expect(verify(headers, withOneByteChanged(JSON_BODY))).toEqual(
      rejected("The signature does not match the body"),
    );
  });

  it("refuses a delivery signed with another secret, without echoing the expected signature", () => {
    const outcome = verify({ "x-hub-signature-256": signatureOf(JSON_BODY, "another secret") });
    const expected = signatureOf(JSON_BODY).slice("sha256=".length);

    expect(outcome).toEqual(rejected("The signature does not match the body"));
    expect(reasonOf(outcome)).not.toContain(expected);
    expect(reasonOf(outcome)).not.toContain(secret);
  });
});

describe("verifyInboundRequest with Stripe", () => {
  const trigger = triggerOf({ verification: "stripe" });
  const secret = "whsec_8a1fTq2Rk0bLmZ3xYv7NcW4dPs9eGhJ6";

  function v1Of(timestamp: number | string, body: string | Uint8Array, key = secret): string {
    return hmacOf("sha256", key, `${timestamp}.`, body).toString("hex");
  }

  function verify(header: string | undefined, body: string | Uint8Array = JSON_BODY) {
    return verifyInboundRequest(trigger, secret, requestOf({ "stripe-signature": header }, body));
  }

  it("accepts an event signed as Stripe documents it", () => {
    const header = `t=${NOW_SECONDS},v1=${v1Of(NOW_SECONDS, JSON_BODY)}`;

    expect(verify(header)).toEqual({ ok: true });
  });

  it("accepts an event when one of several v1 signatures matches, ignoring v0", () => {
    const stale = v1Of(NOW_SECONDS, JSON_BODY, "whsec_rolled_away");
    const header =
      `t=${NOW_SECONDS},v1=${stale},v1=${v1Of(NOW_SECONDS, JSON_BODY)},` + `v0=${"ab".repeat(32)}`;

    expect(verify(header)).toEqual({ ok: true });
  });

  it("accepts a body that is not UTF-8, byte for byte", () => {
    const header = `t=${NOW_SECONDS},v1=${v1Of(NOW_SECONDS, BINARY_BODY)}`;

    expect(verify(header, BINARY_BODY)).toEqual({ ok: true });
  });

  it("keys the HMAC with the whole secret, whsec_ included", () => {
    const withoutPrefix = v1Of(NOW_SECONDS, JSON_BODY, secret.slice("whsec_".length));

    expect(verify(`t=${NOW_SECONDS},v1=${withoutPrefix}`)).toEqual(
      rejected("The signature does not match the body"),
    );
  });

  it("refuses an event without the Stripe-Signature header", () => {
    expect(verify(undefined)).toEqual(rejected("The Stripe-Signature header is missing"));
  });

  it("refuses a header without a timestamp", () => {
    expect(verify(`v1=${v1Of(NOW_SECONDS, JSON_BODY)}`)).toEqual(
      rejected("The Stripe-Signature header has no t= timestamp"),
    );
  });

  it("refuses a non-numeric timestamp", () => {
    expect(verify(`t=yesterday,v1=${v1Of("yesterday", JSON_BODY)}`)).toEqual(
      rejected("The Stripe-Signature timestamp is not a Unix time in seconds"),
    );
  });

  it("refuses a header without a v1 signature", () => {
    expect(verify(`t=${NOW_SECONDS},v0=${v1Of(NOW_SECONDS, JSON_BODY)}`)).toEqual(
      rejected("The Stripe-Signature header has no v1= signature"),
    );
  });

  it("refuses a truncated v1 signature as malformed", () => {
    const truncated = v1Of(NOW_SECONDS, JSON_BODY).slice(0, 40);

    expect(verify(`t=${NOW_SECONDS},v1=${truncated}`)).toEqual(
      rejected("The v1 signature in Stripe-Signature is not 64 hex characters"),
    );
  });

  it("refuses an event older than five minutes, even when correctly signed", () => {
    const sentAt = NOW_SECONDS - 412;

    expect(verify(`t=${sentAt},v1=${v1Of(sentAt, JSON_BODY)}`)).toEqual(
      rejected("The timestamp is 412 seconds old; at most 300 are allowed"),
    );
  });

  it("refuses an event dated more than five minutes ahead", () => {
    const sentAt = NOW_SECONDS + 900;

    expect(verify(`t=${sentAt},v1=${v1Of(sentAt, JSON_BODY)}`)).toEqual(
      rejected("The timestamp is 900 seconds in the future; at most 300 are allowed"),
    );
  });

  it("refuses a signature moved onto another timestamp", () => {
    const header = `t=${NOW_SECONDS - 1},v1=${v1Of(NOW_SECONDS, JSON_BODY)}`;

    expect(verify(header)).toEqual(rejected("The signature does not match the body"));
  });

  it("refuses a body changed by one byte", () => {
    const header = `t=${NOW_SECONDS},v1=${v1Of(NOW_SECONDS, JSON_BODY)}`;

    expect(verify(header, withOneByteChanged(JSON_BODY))).toEqual(
      rejected("The signature does not match the body"),
    );
  });

  it("refuses an event signed with another secret", () => {
    const header = `t=${NOW_SECONDS},v1=${v1Of(NOW_SECONDS, JSON_BODY, "whsec_other")}`;

    expect(verify(header)).toEqual(rejected("The signature does not match the body"));
  });
});

describe("verifyInboundRequest with a generic HMAC", () => {
  const secret = "shared-hmac-secret-4f1c";

  it.each([
    { hmacAlgorithm: "sha1", hmacEncoding: "hex", hmacPrefix: "" },
    { hmacAlgorithm: "sha256", hmacEncoding: "hex", hmacPrefix: "sha256=" },
    { hmacAlgorithm: "sha256", hmacEncoding: "base64", hmacPrefix: "" },
    { hmacAlgorithm: "sha512", hmacEncoding: "base64", hmacPrefix: "v1=" },
    { hmacAlgorithm: "sha512", hmacEncoding: "hex", hmacPrefix: "HMAC " },
  ] as const)("accepts the raw body signed with $hmacAlgorithm in $hmacEncoding", (settings) => {
    const trigger = triggerOf({ verification: "hmac", ...settings });
    const signature = hmacOf(settings.hmacAlgorithm, secret, JSON_BODY).toString(
      settings.hmacEncoding,
    );
    const headers = { "x-signature": `${settings.hmacPrefix}${signature}` };

    expect(verifyInboundRequest(trigger, secret, requestOf(headers))).toEqual({ ok: true });
  });

  describe("signing the timestamp and the body", () => {
    const trigger = triggerOf({
      verification: "hmac",
      hmacHeader: "X-Acme-Signature",
      hmacAlgorithm: "sha256",
      hmacEncoding: "base64",
      hmacSignedContent: "timestamp.body",
      hmacTimestampHeader: "X-Acme-Timestamp",
    });

    function signedHeaders(sentAt: number | string, body: string | Uint8Array = JSON_BODY) {
      return {
        "x-acme-signature": hmacOf("sha256", secret, `${sentAt}.`, body).toString("base64"),
        "x-acme-timestamp": String(sentAt),
      };
    }

    function verify(headers: Headers, body: string | Uint8Array = JSON_BODY) {
      return verifyInboundRequest(trigger, secret, requestOf(headers, body));
    }

    it("accepts a fresh signature over the timestamp and the body", () => {
      expect(verify(signedHeaders(NOW_SECONDS))).toEqual({ ok: true });
    });

    it("accepts a body that is not UTF-8, byte for byte", () => {
      expect(verify(signedHeaders(NOW_SECONDS, BINARY_BODY), BINARY_BODY)).toEqual({ ok: true });
    });

    it("refuses a request without the timestamp header", () => {
      const headers = { ...signedHeaders(NOW_SECONDS), "x-acme-timestamp": undefined };

      expect(verify(headers)).toEqual(rejected("The X-Acme-Timestamp header is missing"));
    });

    it("refuses a non-numeric timestamp", () => {
      expect(verify(signedHeaders("noon"))).toEqual(
        rejected("The X-Acme-Timestamp header is not a Unix time in seconds"),
      );
    });

    it("refuses a timestamp too old or too far ahead", () => {
      expect(verify(signedHeaders(NOW_SECONDS - 301))).toEqual(
        rejected("The timestamp is 301 seconds old; at most 300 are allowed"),
      );
      expect(verify(signedHeaders(NOW_SECONDS + 3600))).toEqual(
        rejected("The timestamp is 3600 seconds in the future; at most 300 are allowed"),
      );
    });

    it("refuses a signature replayed with a fresh timestamp", () => {
      const headers = { ...signedHeaders(NOW_SECONDS - 60), "x-acme-timestamp": `${NOW_SECONDS}` };

      expect(verify(headers)).toEqual(rejected("The signature does not match the body"));
    });
  });

  describe("bad input", () => {
    const trigger = triggerOf({
      verification: "hmac",
      hmacAlgorithm: "sha256",
      hmacEncoding: "hex",
      hmacPrefix: "sha256=",
    });
    const signature = `sha256=${hmacOf("sha256", secret, JSON_BODY).toString("hex")}`;

    function verify(headers: Headers, body: string | Uint8Array = JSON_BODY, key = secret) {
      return verifyInboundRequest(trigger, key, requestOf(headers, body));
    }

    it("refuses a request without the signature header", () => {
      expect(verify({})).toEqual(rejected("The x-signature header is missing"));
    });

    it("refuses a signature without the configured prefix", () => {
      const bare = signature.slice("sha256=".length);

      expect(verify({ "x-signature": bare })).toEqual(
        rejected('The x-signature header does not start with "sha256="'),
      );
    });

    it("refuses a truncated signature as malformed", () => {
      expect(verify({ "x-signature": signature.slice(0, -4) })).toEqual(
        rejected("The x-signature signature is not 64 hex characters"),
      );
    });

    it("describes a malformed base64 signature by its expected length", () => {
      const base64Trigger = triggerOf({ verification: "hmac", hmacEncoding: "base64" });
      const outcome = verifyInboundRequest(
        base64Trigger,
        secret,
        requestOf({ "x-signature": "c2hvcnQ=" }),
      );

      expect(outcome).toEqual(rejected("The x-signature signature is not 44 base64 characters"));
    });

    it("refuses a body changed by one byte", () => {
      expect(verify({ "x-signature": signature }, withOneByteChanged(JSON_BODY))).toEqual(
        rejected("The signature does not match the body"),
      );
    });

    it("refuses a signature made with another secret", () => {
      expect(verify({ "x-signature": signature }, JSON_BODY, "another secret")).toEqual(
        rejected("The signature does not match the body"),
      );
    });

    it("refuses a signature made with another algorithm of the same length", () => {
      const sha1Trigger = triggerOf({ verification: "hmac", hmacAlgorithm: "sha1" });
      const sha256Signature = hmacOf("sha256", secret, JSON_BODY).toString("hex").slice(0, 40);

      const outcome = verifyInboundRequest(
        sha1Trigger,
        secret,
        requestOf({ "x-signature": sha256Signature }),
      );

      expect(outcome).toEqual(rejected("The signature does not match the body"));
    });

    it("refuses everything when the trigger names no signature header", () => {
      const unnamed = triggerOf({ verification: "hmac", hmacHeader: "" });

      expect(verifyInboundRequest(unnamed, secret, requestOf({ "": signature }))).toEqual(
        rejected("The Webhook trigger names no signature header"),
      );
    });

    it("does not read inherited properties when a header is named like one", () => {
      const trigger = triggerOf({ verification: "hmac", hmacHeader: "constructor" });

      expect(verifyInboundRequest(trigger, secret, requestOf({}))).toEqual(
        rejected("The constructor header is missing"),
      );
    });
  });
});

describe("verifyInboundRequest with basic authentication", () => {
  const trigger = triggerOf({ verification: "basic-auth", basicAuthUsername: "acme" });
  const password = "correct horse: battery staple";
  const challenge = 'Basic realm="Switchyard"';

  function basic(credentials: string): string {
    return `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
  }

  function verify(authorization: string | undefined) {
    return verifyInboundRequest(trigger, password, requestOf({ authorization }));
  }

  it("accepts the configured username with the secret as password", () => {
    expect(verify(basic(`acme:${password}`))).toEqual({ ok: true });
  });

  it("accepts the scheme name in any letter case", () => {
    expect(verify(basic(`acme:${password}`).replace("Basic", "bAsIc"))).toEqual({ ok: true });
  });

  it.each([
    ["a wrong username", basic(`acme2:${password}`)],
    ["a wrong password", basic("acme:correct horse")],
    ["an empty password", basic("acme:")],
  ])("refuses %s with the same reason and a challenge", (_, authorization) => {
    expect(verify(authorization)).toEqual({
      ok: false,
      reason: "The username or password is wrong",
      challenge,
    });
  });

  it.each([
    [undefined, "The Authorization header is missing"],
    [`Bearer ${password}`, "The Authorization header does not use the Basic scheme"],
    [Buffer.from(`acme:${password}`).toString("base64"), /does not use the Basic scheme/],
    ["Basic acme:password", "The Basic credentials are not base64"],
    [basic("acme"), "The Basic credentials have no colon between username and password"],
  ])("refuses the Authorization header %j with a challenge", (authorization, reason) => {
    const outcome = verify(authorization);

    expect(outcome).toEqual({ ...rejected(reason), challenge });
    expect(reasonOf(outcome)).not.toContain(password);
  });
});

describe("verifyInboundRequest with a header token", () => {
  const token = "tok_5Kq8rW2nVx";

  function verify(tokenHeader: string, headers: Headers) {
    const trigger = triggerOf({ verification: "header-token", tokenHeader });
    return verifyInboundRequest(trigger, token, requestOf(headers));
  }

  it("accepts the secret in the configured header, whatever the letter case of its name", () => {
    expect(verify("X-Webhook-Token", { "x-webhook-token": token })).toEqual({ ok: true });
  });

  it("refuses a different token without echoing it or the secret", () => {
    const outcome = verify("x-webhook-token", { "x-webhook-token": `${token}x` });

    expect(outcome).toEqual(rejected("The x-webhook-token header is wrong"));
    expect(reasonOf(outcome)).not.toContain(token);
  });

  it("refuses a prefix of the secret", () => {
    expect(verify("x-webhook-token", { "x-webhook-token": token.slice(0, -1) })).toEqual(
      rejected("The x-webhook-token header is wrong"),
    );
  });

  it("refuses a request without the header", () => {
    expect(verify("x-webhook-token", { authorization: token })).toEqual(
      rejected("The x-webhook-token header is missing"),
    );
  });

  it("accepts a bearer token or the bare secret in Authorization", () => {
    expect(verify("authorization", { authorization: `Bearer ${token}` })).toEqual({ ok: true });
    expect(verify("Authorization", { authorization: `bearer ${token}` })).toEqual({ ok: true });
    expect(verify("authorization", { authorization: token })).toEqual({ ok: true });
  });

  it("refuses a wrong bearer token", () => {
    expect(verify("authorization", { authorization: "Bearer tok_other" })).toEqual(
      rejected("The authorization header is wrong"),
    );
  });

  it("does not strip Bearer from headers other than Authorization", () => {
    expect(verify("x-webhook-token", { "x-webhook-token": `Bearer ${token}` })).toEqual(
      rejected("The x-webhook-token header is wrong"),
    );
  });
});

describe("checkVerificationSecret", () => {
  const standardSecret = generateSigningSecret();

  it.each<[VerificationKind, string, string | null]>([
    ["none", "", null],
    ["none", "anything", null],
    ["standard-webhooks", standardSecret, null],
    ["standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null],
    ["standard-webhooks", "", "Enter the secret"],
    ["standard-webhooks", standardSecret.slice("whsec_".length), "whsec_"],
    ["standard-webhooks", "whsec_not base64!", "The part after whsec_ is not valid base64"],
    ["standard-webhooks", "whsec_", "The part after whsec_ is not valid base64"],
    ["standard-webhooks", `${standardSecret}\n`, "space or line break"],
    ["github", "It's a Secret to Everybody", null],
    ["github", "", "Enter the secret"],
    ["github", " padded", "space or line break"],
    ["stripe", "whsec_8a1fTq2Rk0bLmZ3xYv7NcW4dPs9eGhJ6", null],
    ["stripe", "sk_live_51Hx", "Stripe signing secrets start with whsec_"],
    ["stripe", "whsec_", "Stripe signing secrets start with whsec_"],
    ["hmac", "k", null],
    ["hmac", "", "Enter the secret"],
    ["basic-auth", "pässwörd: with colon", null],
    ["basic-auth", "", "Enter the secret"],
    ["header-token", "tok_5Kq8rW2nVx", null],
    ["header-token", "two words", null],
    ["header-token", "tökén", "printable ASCII"],
    ["header-token", "line\nbreak", "printable ASCII"],
  ])("checks a %s secret %j", (kind, secret, problem) => {
    const message = checkVerificationSecret(kind, secret);

    if (problem === null) expect(message).toBeNull();
    else expect(message).toContain(problem);
  });
});
