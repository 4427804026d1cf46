"use client";

import type { WorkflowView } from "@/lib/api/views";
import { ProductionUrlStatus } from "./inbound-readiness";
import { TestEventSection } from "./test-event-section";
import type { RunOutcome } from "./use-editor-commands";
import { VerificationSecretSection } from "./verification-secret-section";

/**
 * Everything about requests reaching the workflow: whether the production URL is live and why
 * not, the secret senders are verified with, and the test URL with the request it captured.
 */
export function InboundPanel({
  workflow,
  canEdit,
  onRunWithTestEvent,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
  onRunWithTestEvent: () => Promise<RunOutcome>;
}) {
  return (
    <div className="divide-y divide-slate-100">
      <ProductionUrlStatus workflow={workflow} />
      <VerificationSecretSection workflow={workflow} canEdit={canEdit} />
      <TestEventSection
        workflow={workflow}
        canEdit={canEdit}
        onRunWithTestEvent={onRunWithTestEvent}
      />
    </div>
  );
}
