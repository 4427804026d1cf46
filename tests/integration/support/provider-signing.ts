import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** Signs the way the Standard Webhooks libraries do. */
export function standardWebhooksHeaders(
  secret: string,
  id: string,
  body: string,
  at = new Date(),
): Record<string, string> {
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

/** Signs the way GitHub does: HMAC-SHA256 of the raw body, hex, "sha256=" in front. */
export function githubHeaders(secret: string, body: string | Uint8Array): Record<string, string> {
  const digest = createHmac("sha256", secret).update(body).digest("hex");
  return {
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    "x-hub-signature-256": `sha256=${digest}`,
  };
}

/** Signs the way Stripe does: "t=<unix>,v1=<hex HMAC-SHA256 of t.body>", keyed by the secret. */
export function stripeHeaders(
  secret: string,
  body: string,
  at = new Date(),
): Record<string, string> {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return { "content-type": "application/json", "stripe-signature": `t=${t},v1=${v1}` };
}
