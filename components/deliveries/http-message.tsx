"use client";

import { useMemo, useState } from "react";
import type { BodyEncoding } from "@/lib/http/captured-exchange";
import { storedBodyBytes } from "@/lib/exchanges/body-bytes";
import { formatBytes, prettyJsonBody } from "../ui/format";
import { HexView } from "./hex-view";
import { JsonTree } from "./json-tree";

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
  encoding: BodyEncoding | null;
  isTruncated: boolean;
  /** Why a stored body is gone, e.g. "after 7 days", when retention removed it. */
  removedByRetention?: string | null;
};

type BodyTab = "tree" | "raw" | "hex";

const tabLabels: Record<BodyTab, string> = { tree: "Tree", raw: "Raw", hex: "Hex" };

/**
 * A body in the views that fit it: JSON as a tree, any body as raw text (JSON optionally
 * indented), and its bytes in hex, which is where a binary body starts.
 */
export function BodyViewer({
  label,
  body,
  encoding,
  isTruncated,
  removedByRetention,
}: BodyViewerProps) {
  const isBinary = encoding === "base64";
  const json = useMemo(() => (body && !isBinary ? parseJsonBody(body) : null), [body, isBinary]);
  const bytes = useMemo(() => storedBodyBytes(body ?? "", encoding), [body, encoding]);
  const tabs: BodyTab[] = json
    ? ["tree", "raw", "hex"]
    : isBinary
      ? ["hex", "raw"]
      : ["raw", "hex"];
  const [tab, setTab] = useState<BodyTab>(tabs[0] ?? "raw");

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
          {json ? "JSON" : isBinary ? "Binary" : "Text"} · {formatBytes(bytes.length)}
          {isTruncated ? " stored" : ""}
        </span>
        <div role="tablist" aria-label={`${label} view`} className="flex gap-1">
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
              className={`rounded px-2 py-0.5 font-medium ring-1 ring-inset transition-colors ${tab === name ? "bg-indigo-50 text-indigo-700 ring-indigo-200" : "text-slate-600 ring-slate-200 hover:bg-slate-50"}`}
            >
              {tabLabels[name]}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" aria-label={`${label}, ${tabLabels[tab]}`}>
        {tab === "tree" && json ? <JsonTree label={label} value={json.value} /> : null}
        {tab === "raw" ? (
          <RawBody label={label} body={body} isBase64={isBinary} canIndent={json !== null} />
        ) : null}
        {tab === "hex" ? <HexView label={label} bytes={bytes} /> : null}
      </div>
      {isTruncated ? (
        <p className="text-xs text-amber-700">
          Truncated: only the beginning of this body was stored.
        </p>
      ) : null}
    </div>
  );
}

/** Characters of raw text rendered at first; a stored body can be far longer. */
const RAW_CHARACTERS_SHOWN = 64 * 1_024;

type RawBodyProps = { label: string; body: string; isBase64: boolean; canIndent: boolean };

/** The body as stored, or indented when it is JSON, cut at first so a large body stays quick. */
function RawBody({ label, body, isBase64, canIndent }: RawBodyProps) {
  const [isIndented, setIsIndented] = useState(false);
  const [isComplete, setIsComplete] = useState(false);
  const text = useMemo(
    () => (isIndented ? (prettyJsonBody(body) ?? body) : body),
    [body, isIndented],
  );
  const isCut = !isComplete && text.length > RAW_CHARACTERS_SHOWN;

  return (
    <div className="space-y-1.5">
      {canIndent || isBase64 ? (
        <div className="flex items-center text-xs text-slate-500">
          {isBase64 ? <span>The bytes as base64, since they are not UTF-8 text.</span> : null}
          {canIndent ? (
            <label className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={isIndented}
                onChange={(event) => setIsIndented(event.target.checked)}
                className="h-3.5 w-3.5 rounded border-slate-300 text-indigo-600"
              />
              Pretty-print
            </label>
          ) : null}
        </div>
      ) : null}
      <pre
        aria-label={label}
        className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 ring-1 ring-inset ring-slate-200"
      >
        {isCut ? text.slice(0, RAW_CHARACTERS_SHOWN) : text}
      </pre>
      {isCut ? (
        <button
          type="button"
          onClick={() => setIsComplete(true)}
          className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
        >
          Show all {text.length.toLocaleString("en")} characters (the first{" "}
          {RAW_CHARACTERS_SHOWN.toLocaleString("en")} are shown)
        </button>
      ) : null}
    </div>
  );
}

/** A body that is a JSON object or array, parsed; null for anything else. */
function parseJsonBody(body: string): { value: unknown } | null {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return null;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return null;
  }
}
