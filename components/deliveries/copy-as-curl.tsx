"use client";

import { useMemo, useState, type ReactNode } from "react";
import { buildCurlCommand } from "@/lib/exchanges/exchange-curl";
import type { ExchangeView } from "@/lib/api/views";
import { useClipboardCopy } from "../editor/use-clipboard-copy";
import { Button } from "../ui/button";

type CopyAsCurlProps = {
  exchange: ExchangeView;
  /** Further controls at the end of the button row, above the command when it is shown. */
  trailing?: ReactNode;
};

/**
 * Copies the exchange's request as a cURL command, and shows the command on demand with what
 * to know before running it (redacted values, a cut body, a binary body piped in).
 */
export function CopyAsCurl({ exchange, trailing }: CopyAsCurlProps) {
  const [isShown, setIsShown] = useState(false);
  const { copyState, copy } = useClipboardCopy();
  const curl = useMemo(
    () =>
      buildCurlCommand(
        {
          method: exchange.method,
          url: exchange.url,
          headers: exchange.requestHeaders,
          body: exchange.requestBody,
          bodyEncoding: exchange.requestBodyEncoding,
          isBodyTruncated: exchange.requestBodyTruncated,
        },
        // Inbound exchanges record a path; the command needs this installation's origin.
        typeof window === "undefined" ? "" : window.location.origin,
      ),
    [exchange],
  );

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Button onClick={() => void copy(curl.command, () => setIsShown(true))}>
          Copy as cURL
        </Button>
        <Button
          variant="ghost"
          aria-expanded={isShown}
          onClick={() => setIsShown((value) => !value)}
        >
          {isShown ? "Hide cURL" : "Show cURL"}
        </Button>
        <span role="status" className="text-xs text-slate-500">
          {copyState === "copied" ? "Copied" : copyState === "failed" ? "Copy it below" : ""}
        </span>
        {trailing ? <div className="ml-auto">{trailing}</div> : null}
      </div>
      {isShown ? (
        <div className="space-y-1.5">
          <pre
            aria-label="cURL command"
            className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
          >
            {curl.command}
          </pre>
          {curl.notes.map((note) => (
            <p key={note} className="text-xs text-slate-500">
              {note}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
