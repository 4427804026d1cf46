import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInboundWorkflow, inboundExchanges, runCount } from "./support/inbound-fixtures";
import { githubHeaders, standardWebhooksHeaders, stripeHeaders } from "./support/provider-signing";
import { createTestUser, type TestUser } from "./support/session";
import { waysIn } from "./support/ways-in";

const body = JSON.stringify({ order: { id: "A-7" }, note: "ünïcode" });
const swSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const githubSecret = "It's a Secret to Everybody";
const stripeSecret = "whsec_test_4eC39HqLyjWDarjtT1zdp7dc";

let editor: TestUser;
beforeAll(async () => {
  editor = await createTestUser("editor");
});

type Case = {
  name: string;
  headers: () => Record<string, string>;
  body?: string;
  reason: RegExp;
};

/** Sends each bad request and expects 401, the reason recorded, and no run started. */
async function expectRefused(
  way: ReturnType<(typeof waysIn)[number]>,
  workflow: { id: string; token: string },
  cases: Case[],
) {
  for (const bad of cases) {
    const before = await runCount(workflow.id);
    const reply = await way.send(`/hooks/${workflow.token}`, {
      headers: bad.headers(),
      body: bad.body ?? body,
    });
    expect(reply.status, bad.name).toBe(401);
    const error = (JSON.parse(reply.text) as { error: { code: string; message: string } }).error;
    expect(error.code, bad.name).toBe("verification_failed");
    expect(error.message, bad.name).toMatch(bad.reason);
    expect(await runCount(workflow.id), bad.name).toBe(before);
    const [recorded] = await inboundExchanges(workflow.id);
    expect(recorded?.responseStatus, bad.name).toBe(401);
    expect(recorded?.error, bad.name).toMatch(bad.reason);
  }
}

describe.each(waysIn)("inbound verification through the %o", (makeWayIn) => {
  const way = makeWayIn();
  beforeAll(() => way.start());
  afterAll(() => way.stop());

  it("accepts Standard Webhooks requests signed by the reference library, and refuses forgeries", async () => {
    const workflow = await createInboundWorkflow(
      editor,
      { verification: "standard-webhooks" },
      swSecret,
    );
    const good = await way.send(`/hooks/${workflow.token}`, {
      headers: standardWebhooksHeaders(swSecret, "msg_1", body),
      body,
    });
    expect(good.status).toBe(202);
    expect(await runCount(workflow.id)).toBe(1);

    const old = new Date(Date.now() - 6 * 60_000);
    await expectRefused(way, workflow, [
      {
        name: "wrong secret",
        headers: () => standardWebhooksHeaders("whsec_" + "A".repeat(32), "msg_2", body),
        reason: /signature/i,
      },
      {
        name: "body changed",
        headers: () => standardWebhooksHeaders(swSecret, "msg_3", body),
        body: body.replace("A-7", "A-8"),
        reason: /signature/i,
      },
      {
        name: "too old",
        headers: () => standardWebhooksHeaders(swSecret, "msg_4", body, old),
        reason: /timestamp|old/i,
      },
      {
        name: "no signature",
        headers: () => {
          const headers = standardWebhooksHeaders(swSecret, "m5", body);
          delete headers["webhook-signature"];
          return headers;
        },
        reason: /webhook-signature|missing/i,
      },
    ]);
  });

  it("accepts GitHub's X-Hub-Signature-256 over the raw bytes, and refuses forgeries", async () => {
    const workflow = await createInboundWorkflow(editor, { verification: "github" }, githubSecret);
    const good = await way.send(`/hooks/${workflow.token}`, {
      headers: githubHeaders(githubSecret, body),
      body,
    });
    expect(good.status).toBe(202);

    await expectRefused(way, workflow, [
      { name: "wrong secret", headers: () => githubHeaders("guess", body), reason: /signature/i },
      {
        name: "one byte changed",
        headers: () => githubHeaders(githubSecret, body),
        body: body.replace("}", " }"),
        reason: /signature/i,
      },
      {
        name: "no header",
        headers: () => ({ "content-type": "application/json" }),
        reason: /x-hub-signature-256|missing/i,
      },
      {
        name: "sha1 prefix",
        headers: () => ({
          "content-type": "application/json",
          "x-hub-signature-256": githubHeaders(githubSecret, body)["x-hub-signature-256"]!.replace(
            "sha256=",
            "sha1=",
          ),
        }),
        reason: /sha256=|signature/i,
      },
    ]);
  });

  it("accepts Stripe-Signature with t= and v1=, and refuses stale or forged ones", async () => {
    const workflow = await createInboundWorkflow(editor, { verification: "stripe" }, stripeSecret);
    const good = await way.send(`/hooks/${workflow.token}`, {
      headers: stripeHeaders(stripeSecret, body),
      body,
    });
    expect(good.status).toBe(202);

    await expectRefused(way, workflow, [
      {
        name: "stale",
        headers: () => stripeHeaders(stripeSecret, body, new Date(Date.now() - 10 * 60_000)),
        reason: /timestamp|old|tolerance/i,
      },
      {
        name: "wrong secret",
        headers: () => stripeHeaders("whsec_other", body),
        reason: /signature/i,
      },
      {
        name: "no timestamp",
        headers: () => ({
          "content-type": "application/json",
          "stripe-signature": stripeHeaders(stripeSecret, body)["stripe-signature"]!.replace(
            /t=\d+,/,
            "",
          ),
        }),
        reason: /t=|timestamp/i,
      },
    ]);
  });

  it("checks a generic HMAC over timestamp and body, base64 with a prefix", async () => {
    const secret = "generic-shared-secret";
    const workflow = await createInboundWorkflow(
      editor,
      {
        verification: "hmac",
        hmacHeader: "x-shop-signature",
        hmacAlgorithm: "sha512",
        hmacEncoding: "base64",
        hmacPrefix: "v1=",
        hmacSignedContent: "timestamp.body",
        hmacTimestampHeader: "x-shop-timestamp",
      },
      secret,
    );
    const sign = (key: string, t: number) => ({
      "content-type": "application/json",
      "x-shop-timestamp": String(t),
      "x-shop-signature": `v1=${createHmac("sha512", key).update(`${t}.${body}`).digest("base64")}`,
    });
    const now = Math.floor(Date.now() / 1000);
    const good = await way.send(`/hooks/${workflow.token}`, { headers: sign(secret, now), body });
    expect(good.status).toBe(202);

    await expectRefused(way, workflow, [
      { name: "wrong key", headers: () => sign("other", now), reason: /signature/i },
      { name: "future", headers: () => sign(secret, now + 600), reason: /timestamp|future/i },
    ]);
  });

  it("checks HTTP basic auth and asks for credentials when they are wrong", async () => {
    const workflow = await createInboundWorkflow(
      editor,
      { verification: "basic-auth", basicAuthUsername: "shop" },
      "pa55-word",
    );
    const basic = (user: string, password: string) => ({
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    });
    const good = await way.send(`/hooks/${workflow.token}`, {
      headers: basic("shop", "pa55-word"),
      body,
    });
    expect(good.status).toBe(202);
    const bad = await way.send(`/hooks/${workflow.token}`, { headers: basic("shop", "x"), body });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/^Basic /);
    await expectRefused(way, workflow, [
      {
        name: "wrong user",
        headers: () => basic("other", "pa55-word"),
        reason: /credential|user|password/i,
      },
    ]);
    // The stored exchange never holds the password.
    const [recorded] = await inboundExchanges(workflow.id);
    expect(recorded?.requestHeaders).not.toContain(
      Buffer.from("other:pa55-word").toString("base64"),
    );
  });

  it("checks a header token", async () => {
    const workflow = await createInboundWorkflow(
      editor,
      { verification: "header-token", tokenHeader: "x-hook-token" },
      "tok-123456789",
    );
    const good = await way.send(`/hooks/${workflow.token}`, {
      headers: { "content-type": "application/json", "x-hook-token": "tok-123456789" },
      body,
    });
    expect(good.status).toBe(202);
    await expectRefused(way, workflow, [
      {
        name: "wrong token",
        headers: () => ({ "content-type": "application/json", "x-hook-token": "tok-12345678" }),
        reason: /token/i,
      },
    ]);
  });

  it("refuses everything with 503 while a scheme is chosen but no secret is stored", async () => {
    const workflow = await createInboundWorkflow(editor, { verification: "github" }, null);
    const reply = await way.send(`/hooks/${workflow.token}`, {
      headers: githubHeaders("anything", body),
      body,
    });
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.text)).toMatchObject({
      error: { code: "verification_misconfigured" },
    });
    expect(await runCount(workflow.id)).toBe(0);
  });
});
