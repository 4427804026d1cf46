"use client";

import { Fragment, useMemo, useState } from "react";
import { diffLines, foldUnchanged, type DiffLine } from "@/lib/exchanges/text-diff";

const lineStyles: Record<DiffLine["kind"], { row: string; sign: string; label: string }> = {
  same: { row: "text-slate-700", sign: " ", label: "unchanged" },
  removed: { row: "bg-rose-50 text-rose-900", sign: "-", label: "removed" },
  added: { row: "bg-emerald-50 text-emerald-900", sign: "+", label: "added" },
};

/**
 * A line diff of two texts, each line numbered on its side, with long unchanged stretches
 * folded behind a button that shows them.
 */
export function TextDiffView({
  label,
  before,
  after,
}: {
  label: string;
  before: string;
  after: string;
}) {
  const diff = useMemo(() => diffLines(before, after), [before, after]);
  const segments = useMemo(() => foldUnchanged(diff.lines), [diff]);
  const [openFolds, setOpenFolds] = useState<ReadonlySet<number>>(new Set());

  if (before === after) {
    return <p className="text-xs italic text-slate-500">{before === "" ? "No body" : "Same"}</p>;
  }

  return (
    <div className="space-y-1.5">
      {diff.isApproximate ? (
        <p className="text-xs text-amber-700">
          These differ in too many lines to align; the differing part is shown removed, then added.
        </p>
      ) : null}
      <div className="max-h-[36rem] overflow-auto rounded-md ring-1 ring-inset ring-slate-200">
        <table aria-label={label} className="w-full border-collapse font-mono text-xs">
          <thead className="sr-only">
            <tr>
              <th scope="col">Line before</th>
              <th scope="col">Line after</th>
              <th scope="col">Change</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment, index) =>
              segment.kind === "folded" && !openFolds.has(index) ? (
                <tr key={index} className="bg-slate-50">
                  <td colSpan={4} className="px-3 py-1">
                    <button
                      type="button"
                      onClick={() => setOpenFolds((open) => new Set(open).add(index))}
                      className="font-sans text-xs font-medium text-indigo-600 hover:text-indigo-500"
                    >
                      Show {segment.lines.length} unchanged{" "}
                      {segment.lines.length === 1 ? "line" : "lines"}
                    </button>
                  </td>
                </tr>
              ) : (
                <Fragment key={index}>
                  {segment.lines.map((line) => (
                    <DiffRow key={lineKey(line)} line={line} />
                  ))}
                </Fragment>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function DiffRow({ line }: { line: DiffLine }) {
  const style = lineStyles[line.kind];
  return (
    <tr className={`align-top ${style.row}`}>
      <td className="w-10 select-none px-2 text-right text-slate-400">
        {line.kind === "added" ? "" : line.beforeNumber}
      </td>
      <td className="w-10 select-none px-2 text-right text-slate-400">
        {line.kind === "removed" ? "" : line.afterNumber}
      </td>
      <td className="w-4 select-none">
        <span aria-hidden>{style.sign}</span>
        <span className="sr-only">{style.label}</span>
      </td>
      <td className="whitespace-pre-wrap break-all pr-3">{line.text}</td>
    </tr>
  );
}

function lineKey(line: DiffLine): string {
  if (line.kind === "added") return `a${line.afterNumber}`;
  if (line.kind === "removed") return `r${line.beforeNumber}`;
  return `s${line.beforeNumber}`;
}
