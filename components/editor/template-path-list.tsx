"use client";

import { Fragment, useMemo, useRef } from "react";
import type { TestEvent } from "@/lib/ingest/test-capture";
import { listCapturedPaths, type TemplatePathSample } from "./test-event-template-paths";
import { useClipboardCopy } from "./use-clipboard-copy";

/**
 * The placeholders a captured request fills, each with the value it gave and a Copy button, so
 * a field's template can be pasted rather than typed from memory. Header paths start folded:
 * every request carries a dozen headers, and steps mostly read the body.
 */
export function TemplatePathList({ event }: { event: TestEvent }) {
  const paths = useMemo(() => listCapturedPaths(event), [event]);
  const headerPaths = paths.filter((path) => path.template.startsWith(headerPrefix));
  const otherPaths = paths.filter((path) => !path.template.startsWith(headerPrefix));
  if (paths.length === 0) return null;

  return (
    <div className="space-y-1.5">
      <h5 className="text-xs font-medium text-slate-700">Template paths</h5>
      {otherPaths.length > 0 ? <PathList label="Template paths" paths={otherPaths} /> : null}
      {headerPaths.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-xs text-slate-600 select-none hover:text-slate-900">
            Header paths <span className="text-slate-400">({headerPaths.length})</span>
          </summary>
          <div className="mt-1.5">
            <PathList label="Header template paths" paths={headerPaths} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

const headerPrefix = "{{trigger.headers.";

function PathList({ label, paths }: { label: string; paths: TemplatePathSample[] }) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-slate-100 rounded-md bg-white ring-1 ring-slate-200"
    >
      {paths.map((path) => (
        <li key={path.template}>
          <TemplatePathRow path={path} />
        </li>
      ))}
    </ul>
  );
}

/** The template with line breaks allowed before each key, so a long path wraps at a dot. */
function BreakableTemplate({ template }: { template: string }) {
  const pieces = template.split(/(?=[.[])/);
  return pieces.map((piece, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {piece}
    </Fragment>
  ));
}

function TemplatePathRow({ path }: { path: TemplatePathSample }) {
  const codeRef = useRef<HTMLElement>(null);
  const { copyState, copy } = useClipboardCopy();

  function selectTemplate() {
    const code = codeRef.current;
    if (!code) return;
    const range = document.createRange();
    range.selectNodeContents(code);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }

  return (
    <div className="flex items-center gap-2 px-2 py-1.5">
      <div className="min-w-0 flex-1">
        <code
          ref={codeRef}
          className="block font-mono text-xs [overflow-wrap:anywhere] text-indigo-700"
        >
          <BreakableTemplate template={path.template} />
        </code>
        <span className="block truncate text-[11px] text-slate-400" title={path.sample}>
          {path.sample === "" ? "empty" : path.sample}
        </span>
      </div>
      <button
        type="button"
        aria-label={`Copy ${path.template}`}
        onClick={() => void copy(path.template, selectTemplate)}
        className="shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium text-slate-500 ring-1 ring-slate-200 ring-inset hover:bg-slate-50 hover:text-slate-700"
      >
        {copyState === "copied" ? "Copied" : copyState === "failed" ? "Ctrl+C" : "Copy"}
      </button>
    </div>
  );
}
