"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

const copyFeedbackMs = 2_000;

const subscribeToNothing = () => () => {};

/** The page's origin; empty while rendering on the server, which cannot know it. */
function useOrigin(): string {
  return useSyncExternalStore(
    subscribeToNothing,
    () => window.location.origin,
    () => "",
  );
}

/** The workflow's inbound URL, read-only, with a Copy button. */
export function InboundUrl({ inboundPath }: { inboundPath: string }) {
  const url = `${useOrigin()}${inboundPath}`;
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>("idle");

  useEffect(() => {
    if (copyState === "idle") return;
    const timer = setTimeout(() => setCopyState("idle"), copyFeedbackMs);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      // Without clipboard permission, selecting the text leaves one keystroke to copy it.
      inputRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={inputId} className="shrink-0 text-xs font-medium text-slate-500">
        Inbound URL
      </label>
      <input
        ref={inputRef}
        id={inputId}
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        className="w-[30rem] min-w-0 rounded-md border border-slate-200 bg-white px-2 py-1 font-mono text-xs text-slate-700 focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
      />
      <Button onClick={() => void copy()}>{copyState === "copied" ? "Copied" : "Copy"}</Button>
      {copyState === "failed" ? (
        <span role="status" className="text-xs text-slate-500">
          Press Ctrl+C to copy
        </span>
      ) : null}
    </div>
  );
}
