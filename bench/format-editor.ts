import type { EditorResult, EditorWorkflowFigures } from "./editor-speed";
import { fixed, skippedRow, type ReportRow } from "./report-table";
import { isSkipped, type SkippedScenario } from "./skipped-scenario";

const SCENARIO = "workflow editor";

/**
 * The editor's rows: opening the large workflow and dragging one of its nodes, each against
 * the same on the small one, and the idle frame rate of both.
 */
export function editorRows(editor: EditorResult | SkippedScenario): ReportRow[] {
  if (isSkipped(editor)) return [skippedRow(SCENARIO, "open p50 ms")];
  const { large, baseline } = editor;
  const openTarget = `≤ ${fixed(editor.targetOpenMs, 0)} ms`;
  const row = (
    figure: string,
    read: (figures: EditorWorkflowFigures) => number,
    digits: number,
    target: string,
  ): ReportRow => ({
    scenario: "",
    figure,
    measured: fixed(read(large), digits),
    baseline: fixed(read(baseline), digits),
    ratio: `${fixed(read(large) / read(baseline), 2)}x`,
    target,
  });
  const dragTarget = `≥ ${fixed(editor.targetDragFramesPerSecond, 0)}`;
  return [
    {
      ...row("open p50 ms", (figures) => figures.open.p50Ms, 0, openTarget),
      scenario: `${SCENARIO} (${large.nodes} vs ${baseline.nodes} nodes)`,
    },
    row("open max ms", (figures) => figures.open.maxMs, 0, openTarget),
    row("drag frames/s", (figures) => figures.drag.framesPerSecond, 1, dragTarget),
    row("drag p95 frame ms", (figures) => figures.drag.p95FrameMs, 1, ""),
    row("drag max frame ms", (figures) => figures.drag.maxFrameMs, 1, ""),
    row(
      "drag node moves/s",
      (figures) => figures.drag.nodeMovedFrames / figures.drag.seconds,
      1,
      "",
    ),
    row("idle frames/s", (figures) => figures.idle.framesPerSecond, 1, ""),
  ];
}

/** What the editor's figures mean. */
export function describeEditor(editor: EditorResult | SkippedScenario): string {
  if (isSkipped(editor)) return `Workflow editor: skipped: ${editor.skipped}.`;
  const { large, baseline, viewport } = editor;
  const describeDrag = (figures: EditorWorkflowFigures) =>
    `${figures.nodes} nodes: ${figures.drag.frames} frames in ${fixed(figures.drag.seconds, 1)} s,` +
    ` ${figures.drag.pointerMoves} pointer moves, the node moved in` +
    ` ${figures.drag.nodeMovedFrames} frames; opening rendered at p50` +
    ` ${fixed(figures.open.renderedP50Ms, 0)} ms`;
  return (
    `Workflow editor: the built app on a fresh SQLite file holding a ${large.nodes}-node` +
    ` (${large.edges} edges) and a ${baseline.nodes}-node workflow (a Manual trigger, then HTTP` +
    " request, Transform, Condition and Delay steps on a grid, stored through the workflow" +
    ` operations), headless Chromium at ${viewport.width}x${viewport.height} signed in as an` +
    ` admin. Opening: ${large.open.samples} navigations to each editor, taking turns after one` +
    " unmeasured each, from navigation start to the first frame with every node rendered and" +
    " measured, plus the task after that frame's paint. Drag: one node near the middle, pressed" +
    ` and moved ${fixed(editor.dragSeconds, 0)} s round a 60 px circle in 3 px pointer moves;` +
    ` frames are requestAnimationFrame timestamps in the page (${describeDrag(large)};` +
    ` ${describeDrag(baseline)}). Idle: ${fixed(editor.idleSeconds, 0)} s of the open editor` +
    " with no input."
  );
}
