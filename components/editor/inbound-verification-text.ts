import type { Graph } from "@/lib/workflow/graph";
import {
  webhookTriggerConfigSchema,
  type VerificationKind,
} from "@/lib/workflow/webhook-trigger-node-type";

/** How the inbound panel names each verification scheme in a sentence. */
export const verificationNames: Record<VerificationKind, string> = {
  none: "none",
  "standard-webhooks": "Standard Webhooks",
  github: "GitHub",
  stripe: "Stripe",
  hmac: "HMAC",
  "basic-auth": "basic auth",
  "header-token": "header token",
};

/** What the secret is, in the words of the sender's own settings, so people find it there. */
export const secretDescriptions: Record<Exclude<VerificationKind, "none">, string> = {
  "standard-webhooks": "The sender's signing secret: whsec_ followed by base64.",
  github: "The secret entered in the GitHub webhook's settings.",
  stripe: "The endpoint's signing secret from Stripe, starting with whsec_.",
  hmac: "The key the sender signs each request with.",
  "basic-auth": "The password senders send with the username set on the trigger.",
  "header-token": "The value senders must send in the trigger's token header.",
};

/**
 * The verification scheme of a graph's Webhook trigger, read on its own as the server reads it
 * when a secret is set; null when the graph has no Webhook trigger.
 */
export function webhookVerificationOf(graph: Graph): VerificationKind | null {
  const trigger = graph.nodes.find((node) => node.type === "webhook-trigger");
  if (!trigger) return null;
  const kind = webhookTriggerConfigSchema.shape.verification.safeParse(
    trigger.config["verification"],
  );
  return kind.success ? kind.data : "none";
}
