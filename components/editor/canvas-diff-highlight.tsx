import type { GraphDiff } from "@/lib/workflow/diff-graphs";
import { nodeIdSchema } from "@/lib/workflow/graph";

/** Steps a comparison with the draft marks on the canvas: added and changed ones. */
export type CanvasHighlight = {
  /** e.g. "Version 2 → Draft" */
  title: string;
  addedIds: string[];
  changedIds: string[];
};

/** The steps of a diff into the draft that the canvas can show; removed ones are not on it. */
export function highlightOf(title: string, diff: GraphDiff): CanvasHighlight {
  return {
    title,
    addedIds: diff.addedNodes.map((node) => node.id),
    changedIds: diff.changedNodes.map((node) => node.id),
  };
}

/**
 * Outlines the highlighted steps on the canvas, green for added and amber for changed, with a
 * control that clears the marks. Canvas nodes are found by their `data-id`; ids are checked
 * against the node id pattern before they go into the style sheet.
 */
export function CanvasDiffHighlight({
  highlight,
  onClear,
}: {
  highlight: CanvasHighlight;
  onClear: () => void;
}) {
  const rules = [
    ...outlineRules(highlight.addedIds, "#10b981"),
    ...outlineRules(highlight.changedIds, "#f59e0b"),
  ];
  return (
    <>
      <style>{rules.join("\n")}</style>
      <button
        type="button"
        onClick={onClear}
        title="Clear the marks on the canvas"
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 text-xs text-slate-600 hover:bg-slate-50"
      >
        <span aria-hidden className="h-2 w-2 rounded-full bg-emerald-500" />
        <span aria-hidden className="h-2 w-2 rounded-full bg-amber-500" />
        Marked: {highlight.title}
        <span aria-hidden>×</span>
        <span className="sr-only">, clear the marks</span>
      </button>
    </>
  );
}

function outlineRules(ids: readonly string[], color: string): string[] {
  return ids
    .filter((id) => nodeIdSchema.safeParse(id).success)
    .map(
      (id) =>
        `.react-flow__node[data-id="${id}"] { outline: 3px solid ${color}; outline-offset: 3px; border-radius: 10px; }`,
    );
}
