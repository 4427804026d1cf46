"use client";

import { useEffect, useState } from "react";

/** Whether the last copy worked: "failed" means the text is selected for Ctrl+C instead. */
export type CopyState = "idle" | "copied" | "failed";

const copyFeedbackMs = 2_000;

/**
 * Copies text to the clipboard and reports how it went for two seconds. Without clipboard
 * permission (an insecure origin, a denied prompt) `onFailure` runs, which should select the
 * text, so one keystroke still copies it.
 */
export function useClipboardCopy(): {
  copyState: CopyState;
  copy: (text: string, onFailure?: () => void) => Promise<void>;
} {
  const [copyState, setCopyState] = useState<CopyState>("idle");

  useEffect(() => {
    if (copyState === "idle") return;
    const timer = setTimeout(() => setCopyState("idle"), copyFeedbackMs);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy(text: string, onFailure?: () => void): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState("copied");
    } catch {
      onFailure?.();
      setCopyState("failed");
    }
  }

  return { copyState, copy };
}
