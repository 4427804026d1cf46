"use client";

import { useId, useRef, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { useClipboardCopy } from "./use-clipboard-copy";

const subscribeToNothing = () => () => {};

/** The page's origin; empty while rendering on the server, which cannot know it. */
function useOrigin(): string {
  return useSyncExternalStore(
    subscribeToNothing,
    () => window.location.origin,
    () => "",
  );
}

/**
 * One of the workflow's URLs, read-only, with a Copy button: the production URL in the header
 * (`inline`, label beside it) or the test URL in the inbound panel (`stacked`, label above).
 */
export function InboundUrl({
  label,
  copyLabel,
  path,
  layout = "inline",
}: {
  label: string;
  /** The Copy button's name, which says what it copies where several are on the page. */
  copyLabel: string;
  path: string;
  layout?: "inline" | "stacked";
}) {
  const url = `${useOrigin()}${path}`;
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { copyState, copy } = useClipboardCopy();
  const isStacked = layout === "stacked";

  return (
    <div className={isStacked ? "min-w-0 space-y-1" : "flex min-w-0 items-center gap-2"}>
      <label
        htmlFor={inputId}
        className={`shrink-0 text-xs font-medium ${isStacked ? "block text-slate-700" : "text-slate-500"}`}
      >
        {label}
      </label>
      <div className="flex min-w-0 items-center gap-2">
        <input
          ref={inputRef}
          id={inputId}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className={`${isStacked ? "w-full" : "w-[30rem]"} min-w-0 rounded-md border border-slate-200 bg-white px-2 py-1 font-mono text-xs text-slate-700 focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none`}
        />
        <Button
          aria-label={copyLabel}
          className="shrink-0"
          onClick={() => void copy(url, () => inputRef.current?.select())}
        >
          {copyState === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copyState === "failed" ? (
        <span role="status" className="text-xs text-slate-500">
          Press Ctrl+C to copy
        </span>
      ) : null}
    </div>
  );
}
