"use client";

import { useMemo, useState } from "react";
import { formatJson } from "../ui/format";

/** Longer values start folded so a run with large payloads stays scannable. */
const MAX_LINES_OPEN = 16;

type JsonBlockProps = { label: string; value: unknown; isOpenAtFirst?: boolean };

/** A stored JSON value, indented, in a block that folds away under its label. */
export function JsonBlock({ label, value, isOpenAtFirst }: JsonBlockProps) {
  const text = useMemo(() => formatJson(value), [value]);
  const lineCount = text.split("\n").length;
  const [isInitiallyOpen] = useState(isOpenAtFirst ?? lineCount <= MAX_LINES_OPEN);

  return (
    <details
      open={isInitiallyOpen}
      className="group min-w-0 overflow-hidden rounded-md border border-slate-200 bg-white"
    >
      <summary className="flex cursor-pointer select-none items-center gap-1.5 rounded-md px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50">
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          fill="currentColor"
          className="h-3.5 w-3.5 text-slate-400 transition-transform group-open:rotate-90"
        >
          <path d="M7.22 14.78a.75.75 0 0 1 0-1.06L10.94 10 7.22 6.28a.75.75 0 0 1 1.06-1.06l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0Z" />
        </svg>
        {label}
        <span className="font-normal text-slate-400">
          {lineCount} {lineCount === 1 ? "line" : "lines"}
        </span>
      </summary>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-800">
        {text}
      </pre>
    </details>
  );
}
