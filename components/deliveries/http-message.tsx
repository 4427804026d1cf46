"use client";

import { useMemo, useState } from "react";
import { formatBytes, prettyJsonBody } from "../ui/format";

/** Header names and values as plain text cells, one row per header. */
export function HeadersTable({
  label,
  headers,
}: {
  label: string;
  headers: Record<string, string>;
}) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-xs italic text-slate-400">No headers</p>;

  return (
    <table aria-label={label} className="w-full table-fixed font-mono text-xs">
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map(([name, value]) => (
          <tr key={name} className="align-top">
            <td className="w-2/5 break-all py-1.5 pr-3 text-slate-500">{name}</td>
            <td className="break-all py-1.5 text-slate-800">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type BodyViewerProps = {
  label: string;
  body: string | null;
  isTruncated: boolean;
  /** Why a stored body is gone, e.g. "after 7 days", when retention removed it. */
  removedByRetention?: string | null;
};

/** A body, indented when it is JSON, with a toggle back to the bytes as they were sent. */
export function BodyViewer({ label, body, isTruncated, removedByRetention }: BodyViewerProps) {
  const [isRaw, setIsRaw] = useState(false);
  const pretty = useMemo(() => (body ? prettyJsonBody(body) : null), [body]);
  const sizeBytes = useMemo(() => (body ? new TextEncoder().encode(body).length : 0), [body]);

  if (!body && removedByRetention) {
    return (
      <p className="text-xs italic text-slate-500">
        Body removed by retention {removedByRetention}
      </p>
    );
  }
  if (!body) return <p className="text-xs italic text-slate-400">No body</p>;

  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between text-xs text-slate-500">
        <span>
          {pretty ? "JSON" : "Text"} · {formatBytes(sizeBytes)}
          {isTruncated ? " stored" : ""}
        </span>
        {pretty ? (
          <button
            type="button"
            aria-pressed={isRaw}
            onClick={() => setIsRaw((value) => !value)}
            className={`rounded px-2 py-0.5 font-medium ring-1 ring-inset transition-colors ${isRaw ? "bg-indigo-50 text-indigo-700 ring-indigo-200" : "text-slate-600 ring-slate-200 hover:bg-slate-50"}`}
          >
            Raw
          </button>
        ) : null}
      </div>
      <pre
        aria-label={label}
        className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 ring-1 ring-inset ring-slate-200"
      >
        {pretty && !isRaw ? pretty : body}
      </pre>
      {isTruncated ? (
        <p className="text-xs text-amber-700">
          Truncated: only the beginning of this body was stored.
        </p>
      ) : null}
    </div>
  );
}
