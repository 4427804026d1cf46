"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import type { WorkflowView } from "@/lib/api/views";
import type { InboundReadiness } from "@/lib/ingest/inbound-readiness";
import { verificationNames } from "./inbound-verification-text";

type NotLiveReason = Extract<InboundReadiness, { live: false }>["reason"];

/** The reason in two or three words, for the header where the full message does not fit. */
const shortReasons: Record<NotLiveReason, string> = {
  inactive: "inactive",
  no_webhook_trigger: "no Webhook trigger",
  graph_invalid: "live version invalid",
  secret_missing: "secret missing",
};

/**
 * Whether the production URL accepts events, beside the URL in the header; pressing it opens
 * the inbound panel, which says why in full.
 */
export function LiveStateButton({
  readiness,
  onShowInbound,
}: {
  readiness: InboundReadiness;
  onShowInbound: () => void;
}) {
  const isLive = readiness.live;
  return (
    <button
      type="button"
      onClick={onShowInbound}
      title={readiness.live ? "The production URL accepts events." : readiness.message}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset transition-colors ${isLive ? "bg-emerald-50 text-emerald-700 ring-emerald-200 hover:bg-emerald-100" : "bg-amber-50 text-amber-800 ring-amber-200 hover:bg-amber-100"}`}
    >
      <span
        aria-hidden
        className={`h-1.5 w-1.5 rounded-full ${isLive ? "bg-emerald-500" : "bg-amber-500"}`}
      />
      {readiness.live ? "Live" : `Not live · ${shortReasons[readiness.reason]}`}
    </button>
  );
}

/** The production URL's state in the inbound panel: live or not, why, and how it verifies. */
export function ProductionUrlStatus({ workflow }: { workflow: WorkflowView }) {
  const headingId = useId();
  const { readiness, activeVerification, secretHint } = workflow.inbound;

  return (
    <section aria-labelledby={headingId} className="space-y-2 p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Production URL
        </h3>
        <Badge tone={readiness.live ? "green" : "amber"}>
          {readiness.live ? "Live" : "Not live"}
        </Badge>
      </div>
      <p role="status" aria-label="Production URL state" className="text-sm text-slate-600">
        {readiness.live ? liveSentence(workflow) : readiness.message}
      </p>
      {readiness.live && activeVerification !== null ? (
        <p className="text-xs text-slate-500">
          {activeVerification === "none"
            ? "Any sender is accepted: the live version does not verify senders."
            : `Senders are verified by ${verificationNames[activeVerification]}` +
              (secretHint && secretHint !== "…" ? `, with the secret ending ${secretHint}.` : ".")}
        </p>
      ) : null}
      {workflow.hasUnpublishedChanges ? (
        <p className="text-xs text-amber-700">
          The draft has changes that take effect here once it is activated.
        </p>
      ) : null}
    </section>
  );
}

function liveSentence(workflow: WorkflowView): string {
  const version = workflow.activeVersion;
  return version === null
    ? "Requests to the inbound URL start runs."
    : `Requests to the inbound URL start runs of version ${version.number}.`;
}
