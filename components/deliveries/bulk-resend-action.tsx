"use client";

import { useId, useState } from "react";
import { flushSync } from "react-dom";
import type { BulkResendResult } from "@/lib/client/bulk-resend-queries";
import { Button } from "../ui/button";
import { BulkResendDialog } from "./bulk-resend-dialog";
import { formatDeliveryCount } from "./format-delivery-count";

/**
 * The log's "Resend failed…" button, its dialog, and what the last resend did. The new
 * attempts reach the log itself as live events.
 */
export function BulkResendAction({ workflowId }: { workflowId?: string }) {
  const buttonId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [result, setResult] = useState<BulkResendResult | null>(null);

  function open() {
    setResult(null);
    setIsOpen(true);
  }

  // The dialog leaves the page when it closes, so focus goes back to the button that opened
  // it; the button cannot take focus until the modal dialog is gone.
  function close() {
    flushSync(() => setIsOpen(false));
    document.getElementById(buttonId)?.focus();
  }

  return (
    <div className="flex shrink-0 items-center gap-3">
      <p role="status" className="max-w-48 text-right text-xs text-emerald-700">
        {result ? describeResult(result) : null}
      </p>
      <Button id={buttonId} onClick={open} className="whitespace-nowrap">
        Resend failed…
      </Button>
      {isOpen ? (
        <BulkResendDialog
          initialWorkflowId={workflowId}
          onClose={close}
          onResent={(resent) => {
            setResult(resent);
            close();
          }}
        />
      ) : null}
    </div>
  );
}

function describeResult({ resent, hasMore }: BulkResendResult): string {
  if (resent === 0) return "Nothing was resent: no failed deliveries match any more.";
  const resentText = `Resent ${formatDeliveryCount(resent)}`;
  return hasMore ? `${resentText}; more match, resend again for the rest.` : resentText;
}
