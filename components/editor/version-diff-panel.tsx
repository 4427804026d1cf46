"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { WorkflowVersionSummaryView } from "@/lib/api/views";
import { versionQueries } from "@/lib/client/version-queries";
import { diffGraphs, isDiffEmpty } from "@/lib/workflow/diff-graphs";
import { emptyGraph, type Graph } from "@/lib/workflow/graph";
import { highlightOf, type CanvasHighlight } from "./canvas-diff-highlight";
import { GraphDiffList } from "./graph-diff-list";
import {
  emptyWorkflowSide,
  sideLabel,
  type Comparison,
  type ComparisonSide,
} from "./version-comparison";

/** The changes between two entries of the history, each chosen from a list. */
export function VersionDiffPanel({
  workflowId,
  versions,
  draft,
  comparison,
  onChange,
  onHighlight,
}: {
  workflowId: string;
  versions: readonly WorkflowVersionSummaryView[];
  /** The editor's working graph, unsaved changes included. */
  draft: Graph;
  comparison: Comparison;
  onChange: (comparison: Comparison) => void;
  onHighlight: (highlight: CanvasHighlight) => void;
}) {
  const from = useSideGraph(workflowId, comparison.from, draft);
  const to = useSideGraph(workflowId, comparison.to, draft);
  const diff =
    from.graph === undefined || to.graph === undefined ? null : diffGraphs(from.graph, to.graph);
  const title = `${sideLabel(comparison.from)} → ${sideLabel(comparison.to)}`;
  const sides: ComparisonSide[] = ["draft", ...versions.map((version) => version.number)];

  return (
    <section
      aria-label="Changes"
      className="flex min-w-0 flex-col gap-3 border-l border-slate-100 pl-4"
    >
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <SideSelect
          label="Compare from"
          value={comparison.from}
          options={[...sides, emptyWorkflowSide]}
          onChange={(side) => onChange({ ...comparison, from: side })}
        />
        <span aria-hidden>→</span>
        <SideSelect
          label="Compare to"
          value={comparison.to}
          options={sides}
          onChange={(side) => onChange({ ...comparison, to: side })}
        />
        {comparison.to === "draft" && diff !== null && !isDiffEmpty(diff) ? (
          <Button
            variant="ghost"
            className="ml-auto text-xs"
            onClick={() => onHighlight(highlightOf(title, diff))}
          >
            Mark on canvas
          </Button>
        ) : null}
      </div>
      <div className="max-h-[60vh] overflow-y-auto pr-1">
        {from.error || to.error ? (
          <p role="alert" className="text-sm text-rose-600">
            {(from.error ?? to.error)?.message}
          </p>
        ) : diff === null ? (
          <p aria-busy="true" className="text-sm text-slate-500">
            Loading…
          </p>
        ) : (
          <GraphDiffList diff={diff} />
        )}
      </div>
    </section>
  );
}

function SideSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: ComparisonSide;
  options: readonly ComparisonSide[];
  onChange: (side: ComparisonSide) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={String(value)}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === "draft" ? "draft" : Number(text));
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((side) => (
          <option key={String(side)} value={String(side)}>
            {sideLabel(side)}
          </option>
        ))}
      </select>
    </>
  );
}

/** The graph one side stands for; versions are fetched, the draft and the empty graph are at hand. */
function useSideGraph(
  workflowId: string,
  side: ComparisonSide,
  draft: Graph,
): { graph: Graph | undefined; error: Error | null } {
  const isVersion = side !== "draft" && side !== emptyWorkflowSide;
  const version = useQuery({
    ...versionQueries.detail(workflowId, isVersion ? side : 0),
    enabled: isVersion,
  });
  if (side === "draft") return { graph: draft, error: null };
  if (side === emptyWorkflowSide) return { graph: emptyGraph, error: null };
  return { graph: version.data?.graph, error: version.error };
}
