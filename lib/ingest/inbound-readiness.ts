import type { ErrorCode } from "../api/error-codes";
import {
  needsVerificationSecret,
  type WebhookTriggerConfig,
} from "../workflow/webhook-trigger-node-type";

/** What decides whether a workflow's production URL accepts events. */
export type InboundFacts = {
  isActive: boolean;
  /** The active version's Webhook trigger settings; null when it has none (or no version). */
  trigger: WebhookTriggerConfig | null;
  /** Whether the active version's graph passes validation. */
  isGraphValid: boolean;
  hasSecret: boolean;
};

export type InboundReadiness =
  | { live: true }
  | {
      live: false;
      reason: "inactive" | "no_webhook_trigger" | "graph_invalid" | "secret_missing";
      code: ErrorCode;
      message: string;
    };

/**
 * Whether the production URL is live and, if not, the first reason why. The inbound endpoint
 * answers with this reason and the editor shows the same words, so both always agree.
 */
export function inboundReadiness(facts: InboundFacts): InboundReadiness {
  if (!facts.isActive) {
    return {
      live: false,
      reason: "inactive",
      code: "workflow_inactive",
      message: "This workflow is inactive. Activate it in the editor to accept events.",
    };
  }
  if (facts.trigger === null) {
    return {
      live: false,
      reason: "no_webhook_trigger",
      code: "workflow_inactive",
      message: "The live version of this workflow has no Webhook trigger.",
    };
  }
  if (!facts.isGraphValid) {
    return {
      live: false,
      reason: "graph_invalid",
      code: "workflow_inactive",
      message: "The live version of this workflow is not valid. Fix it and activate it again.",
    };
  }
  if (needsVerificationSecret(facts.trigger.verification) && !facts.hasSecret) {
    return {
      live: false,
      reason: "secret_missing",
      code: "verification_misconfigured",
      message:
        `Verification is set to ${facts.trigger.verification} but no secret is stored. ` +
        "Set it in the editor's Inbound panel, under Sender verification.",
    };
  }
  return { live: true };
}
