"use client";

import { useEffect, useState } from "react";
import type { EditorNotice } from "./editor-store";
import { useEditorStore } from "./use-editor-store";

const noticeVisibleMs = 5_000;

const selectNotice = (state: { notice: EditorNotice | null }) => state.notice;

/**
 * The editor's passing messages (a refused connection, what a paste left out) at the foot of
 * the canvas. A polite live region, so screen readers announce them without moving focus.
 */
export function EditorNoticeToast() {
  const notice = useEditorStore(selectNotice);
  const [hiddenKey, setHiddenKey] = useState<number | null>(null);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setHiddenKey(notice.key), noticeVisibleMs);
    return () => clearTimeout(timer);
  }, [notice]);

  const isVisible = notice !== null && notice.key !== hiddenKey;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Editor messages"
      className="pointer-events-none absolute inset-x-0 bottom-4 z-10 flex justify-center px-4"
    >
      {isVisible ? (
        <p className="pointer-events-auto max-w-lg rounded-lg bg-slate-900/90 px-3.5 py-2 text-sm text-white shadow-lg">
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
