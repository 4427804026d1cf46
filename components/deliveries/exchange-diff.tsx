"use client";

import type { ReactNode } from "react";
import type { ExchangeView } from "@/lib/api/views";
import { hexRows, storedBodyBytes } from "@/lib/exchanges/body-bytes";
import { diffHeaders, type HeaderChange } from "@/lib/exchanges/header-diff";
import type { BodyEncoding } from "@/lib/http/captured-exchange";
import { formatDuration, prettyJsonBody } from "../ui/format";
import { ExchangeStatus } from "./exchange-labels";
import { TextDiffView } from "./text-diff-view";

/** Bodies longer than this are compared by their beginning only, to keep the page quick. */
const MAX_COMPARED_BYTES = 256 * 1_024;

/**
 * How two exchanges differ: the request line, headers and body of each request, then the
 * response status, headers and body. `before` is the earlier one, e.g. a failed attempt.
 */
export function ExchangeDiff({ before, after }: { before: ExchangeView; after: ExchangeView }) {
  return (
    <div className="space-y-8">
      <DiffSection title="Request">
        <DiffPart title="Request line">
          <TextDiffView
            label="Request line changes"
            before={`${before.method} ${before.url}`}
            after={`${after.method} ${after.url}`}
          />
        </DiffPart>
        <DiffPart title="Headers">
          <HeaderDiffTable
            label="Request header changes"
            changes={diffHeaders(before.requestHeaders, after.requestHeaders)}
          />
        </DiffPart>
        <DiffPart title="Body">
          <TextDiffView
            label="Request body changes"
            before={comparableBody(before.requestBody, before.requestBodyEncoding)}
            after={comparableBody(after.requestBody, after.requestBodyEncoding)}
          />
        </DiffPart>
      </DiffSection>

      <DiffSection title="Response">
        <DiffPart title="Status">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Answer label="Status before" exchange={before} />
            <span aria-hidden className="text-slate-400">
              →
            </span>
            <Answer label="Status after" exchange={after} />
          </p>
        </DiffPart>
        <DiffPart title="Headers">
          <HeaderDiffTable
            label="Response header changes"
            changes={diffHeaders(before.responseHeaders ?? {}, after.responseHeaders ?? {})}
          />
        </DiffPart>
        <DiffPart title="Body">
          <TextDiffView
            label="Response body changes"
            before={comparableBody(before.responseBody, before.responseBodyEncoding)}
            after={comparableBody(after.responseBody, after.responseBodyEncoding)}
          />
        </DiffPart>
      </DiffSection>
    </div>
  );
}

const changeStyles: Record<HeaderChange["kind"], { row: string; label: string }> = {
  same: { row: "text-slate-500", label: "Same" },
  added: { row: "bg-emerald-50 text-emerald-900", label: "Added" },
  removed: { row: "bg-rose-50 text-rose-900", label: "Removed" },
  changed: { row: "bg-amber-50 text-amber-900", label: "Changed" },
};

function HeaderDiffTable({ label, changes }: { label: string; changes: HeaderChange[] }) {
  if (changes.length === 0) return <p className="text-xs italic text-slate-400">No headers</p>;

  return (
    <div className="space-y-1.5">
      <p className="text-xs text-slate-600">{summarizeChanges(changes)}</p>
      <table aria-label={label} className="w-full table-fixed font-mono text-xs">
        <thead className="text-left font-sans text-slate-500">
          <tr className="border-b border-slate-200">
            <th scope="col" className="w-20 py-1 pr-2 font-medium">
              Change
            </th>
            <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 font-medium">
              Value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((change) => (
            <tr key={change.name} className={`align-top ${changeStyles[change.kind].row}`}>
              <td className="py-1.5 pl-1 pr-2 font-sans font-medium">
                {changeStyles[change.kind].label}
              </td>
              <td className="break-all py-1.5 pr-3">{change.name}</td>
              <td className="break-all py-1.5 pr-1">
                {change.kind === "changed" ? (
                  <>
                    <del className="block text-rose-700">{change.before}</del>
                    <ins className="block no-underline text-emerald-800">{change.after}</ins>
                  </>
                ) : (
                  change.value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "All 6 headers are the same", or "1 changed, 2 added of 8 headers". */
function summarizeChanges(changes: HeaderChange[]): string {
  const counts = (["changed", "added", "removed"] as const)
    .map((kind) => [kind, changes.filter((change) => change.kind === kind).length] as const)
    .filter(([, count]) => count > 0);
  const total = `${changes.length} ${changes.length === 1 ? "header" : "headers"}`;
  if (counts.length === 0) {
    return changes.length === 1 ? "The one header is the same" : `All ${total} are the same`;
  }
  return `${counts.map(([kind, count]) => `${count} ${kind}`).join(", ")} of ${total}`;
}

/** "500 in 12 ms" with the status coloured by outcome, or the error when no answer came. */
function Answer({ label, exchange }: { label: string; exchange: ExchangeView }) {
  return (
    <span aria-label={label} className="inline-flex items-center gap-1.5">
      <ExchangeStatus {...exchange} />
      <span className="text-xs text-slate-500"> in {formatDuration(exchange.durationMs)}</span>
    </span>
  );
}

/**
 * A body as lines worth comparing: JSON indented so each value has its line, binary bytes as
 * a hex dump without offsets (so an inserted byte does not mark every later row), text as is.
 */
function comparableBody(body: string | null, encoding: BodyEncoding | null): string {
  if (body === null || body === "") return "";
  if (encoding === "base64") {
    const bytes = storedBodyBytes(body, encoding);
    return hexRows(bytes, 0, MAX_COMPARED_BYTES)
      .map((row) => `${row.hex.padEnd(47)}  ${row.ascii}`)
      .join("\n");
  }
  const text = body.slice(0, MAX_COMPARED_BYTES);
  return prettyJsonBody(text) ?? text;
}

function DiffSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={`${title} differences`} className="space-y-4">
      <h2 className="border-b border-slate-200 pb-2 text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function DiffPart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </div>
  );
}
