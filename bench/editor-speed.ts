import type { Page } from "@playwright/test";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

import { builtAppEnv, hasAppBuild, launchBenchBrowser, signIn } from "./bench-browser";
import { createFreshDatabaseFile, removeDatabaseFile } from "./bench-database";
import type { SeededEditorWorkflow } from "./editor-server";
import {
  isOpened,
  openingProbe,
  readOpenMarks,
  startFrameRecorder,
  stopFrameRecorder,
  type FrameRecording,
  type OpenMarks,
} from "./editor-page-probes";
import { spawnServerProcess, type ServerProcess } from "./server-process";
import type { SkippedScenario } from "./skipped-scenario";

/** Frame timing over a stretch of time, from the page's requestAnimationFrame timestamps. */
export type FrameFigures = {
  seconds: number;
  /** Intervals between consecutive frames. */
  frames: number;
  framesPerSecond: number;
  p95FrameMs: number;
  maxFrameMs: number;
};

export type DragFigures = FrameFigures & {
  /** Pointer moves the page received during the drag. */
  pointerMoves: number;
  /** Frames at whose start the dragged node had moved since the frame before. */
  nodeMovedFrames: number;
};

/** From the start of navigation to all nodes rendered and a frame painted with them. */
export type OpenFigures = {
  samples: number;
  p50Ms: number;
  maxMs: number;
  /** The frame where every node was first there and measured, before it was painted. */
  renderedP50Ms: number;
};

export type EditorWorkflowFigures = {
  nodes: number;
  edges: number;
  open: OpenFigures;
  /** The open editor with nothing happening: what frame rate the page gets at all. */
  idle: FrameFigures;
  drag: DragFigures;
};

export type EditorResult = {
  database: "sqlite";
  viewport: { width: number; height: number };
  idleSeconds: number;
  dragSeconds: number;
  targetOpenMs: number;
  targetDragFramesPerSecond: number;
  large: EditorWorkflowFigures;
  /** The same measures on a small workflow, side by side. */
  baseline: EditorWorkflowFigures;
  /** Large over baseline, p50 against p50. */
  openRatio: number;
  /** Large over baseline, frames per second of the drags. */
  dragRatio: number;
};

/** The port this scenario's server listens on; the browser signs in there. */
const PORT = 3227;
const LARGE_NODES = 500;
const BASELINE_NODES = 10;
const VIEWPORT = { width: 1440, height: 900 };
const TARGET_OPEN_MS = 1_500;
const TARGET_DRAG_FPS = 50;
const IDLE_MS = 2_000;
const DRAG_MS = 3_000;
/** The drag goes round a circle through the node's centre, a few pixels per pointer move. */
const DRAG_RADIUS_PX = 60;
const DRAG_STEP_PX = 3;
const OPEN_TIMEOUT_MS = 60_000;
const ADMIN = { name: "Bench Admin", email: "bench-admin@example.test", password: "bench pass 12" };

const seededSchema = z.object({
  id: z.string(),
  nodes: z.number().int(),
  edges: z.number().int(),
  middleNodeId: z.string().min(1),
});
const readySchema = z.object({ port: z.number().int(), workflows: z.array(seededSchema) });
const openMarksSchema = z.object({ renderedMs: z.number(), readyMs: z.number() });
const recordingSchema = z.object({
  frameTimesMs: z.array(z.number()),
  pointerMoves: z.number(),
  nodeMovedFrames: z.number(),
});

/**
 * Measures the workflow designer in headless Chromium against the built app on a fresh SQLite
 * database holding a 500-node and a 10-node workflow: opening each (`samples` times, in turn,
 * after one unmeasured opening), then its idle frame rate and the frame rate while one node is
 * dragged with the mouse. Skipped without a build.
 */
export async function measureEditor(
  sizes: { editorSamples: number },
  reportProgress: (message: string) => void,
): Promise<EditorResult | SkippedScenario> {
  if (!hasAppBuild()) return { skipped: "the app is not built (run `npm run build` first)" };

  const sqlitePath = createFreshDatabaseFile("editor", { isMigrated: true });
  let server: ServerProcess<z.infer<typeof readySchema>> | undefined;
  const browser = await launchBenchBrowser();
  try {
    reportProgress(`editor: storing ${LARGE_NODES}- and ${BASELINE_NODES}-node workflows`);
    server = startEditorServer(sqlitePath);
    const { workflows } = await server.ready;
    const large = findSeeded(workflows, LARGE_NODES);
    const small = findSeeded(workflows, BASELINE_NODES);
    const origin = `http://127.0.0.1:${PORT}`;

    const page = await browser.newPage({ viewport: VIEWPORT });
    // Leaving a workflow whose node was dragged asks first; the bench leaves.
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, origin, ADMIN);
    await page.addInitScript(openingProbe({ [large.id]: large.nodes, [small.id]: small.nodes }));

    reportProgress(`editor: opening each workflow ${sizes.editorSamples} times`);
    const opens = await measureOpenings(page, origin, [small, large], sizes.editorSamples);
    reportProgress("editor: idle frames and dragging a node");
    const baseline = await measureFrames(page, origin, small, opens[0] ?? []);
    const measured = await measureFrames(page, origin, large, opens[1] ?? []);

    return {
      database: "sqlite",
      viewport: VIEWPORT,
      idleSeconds: IDLE_MS / 1000,
      dragSeconds: DRAG_MS / 1000,
      targetOpenMs: TARGET_OPEN_MS,
      targetDragFramesPerSecond: TARGET_DRAG_FPS,
      large: measured,
      baseline,
      openRatio: measured.open.p50Ms / baseline.open.p50Ms,
      dragRatio: measured.drag.framesPerSecond / baseline.drag.framesPerSecond,
    };
  } finally {
    await browser.close();
    await server?.stop();
    removeDatabaseFile(sqlitePath);
  }
}

function startEditorServer(sqlitePath: string) {
  return spawnServerProcess(
    "bench/editor-server.ts",
    {
      ...builtAppEnv(sqlitePath, PORT),
      BENCH_EDITOR_SETUP: JSON.stringify({
        admin: ADMIN,
        nodeCounts: [LARGE_NODES, BASELINE_NODES],
      }),
    },
    (json) => readySchema.parse(json),
  );
}

function findSeeded(workflows: SeededEditorWorkflow[], nodes: number): SeededEditorWorkflow {
  const workflow = workflows.find((seeded) => seeded.nodes === nodes);
  if (workflow === undefined) throw new Error(`The server did not store a ${nodes}-node workflow`);
  return workflow;
}

/**
 * Opens each workflow once unmeasured, so neither the server nor the browser's cache is cold,
 * then `samples` times each, taking turns, so both see the same conditions on the machine.
 */
async function measureOpenings(
  page: Page,
  origin: string,
  workflows: readonly SeededEditorWorkflow[],
  samples: number,
): Promise<OpenMarks[][]> {
  for (const workflow of workflows) await openWorkflow(page, origin, workflow);
  const marks: OpenMarks[][] = workflows.map(() => []);
  for (let sample = 0; sample < samples; sample += 1) {
    for (const [index, workflow] of workflows.entries()) {
      marks[index]?.push(await openWorkflow(page, origin, workflow));
    }
  }
  return marks;
}

async function openWorkflow(
  page: Page,
  origin: string,
  workflow: SeededEditorWorkflow,
): Promise<OpenMarks> {
  await page.goto(`${origin}/workflows/${workflow.id}`, { waitUntil: "commit" });
  await page.waitForFunction(isOpened, undefined, { timeout: OPEN_TIMEOUT_MS, polling: 50 });
  return openMarksSchema.parse(await page.evaluate(readOpenMarks));
}

/** Opens the workflow, then records its idle frames, then its frames while a node is dragged. */
async function measureFrames(
  page: Page,
  origin: string,
  workflow: SeededEditorWorkflow,
  opens: readonly OpenMarks[],
): Promise<EditorWorkflowFigures> {
  await openWorkflow(page, origin, workflow);

  await page.evaluate(startFrameRecorder(null));
  await sleep(IDLE_MS);
  const idle = await stopRecording(page);

  const drag = await dragNode(page, workflow.middleNodeId);
  return {
    nodes: workflow.nodes,
    edges: workflow.edges,
    open: summarizeOpenings(opens),
    idle: summarizeFrames(idle.frameTimesMs),
    drag: {
      ...summarizeFrames(drag.frameTimesMs),
      pointerMoves: drag.pointerMoves,
      nodeMovedFrames: drag.nodeMovedFrames,
    },
  };
}

/**
 * Presses the mouse on the node's centre and moves it round a circle through that point, a few
 * pixels a move, for `DRAG_MS`, recording frames from the press to the last move.
 */
async function dragNode(page: Page, nodeId: string): Promise<FrameRecording> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (box === null) throw new Error(`Node ${nodeId} is not on the screen`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(startFrameRecorder(nodeId));
  const startedAt = performance.now();
  for (let step = 1; performance.now() - startedAt < DRAG_MS; step += 1) {
    const angle = (step * DRAG_STEP_PX) / DRAG_RADIUS_PX;
    await page.mouse.move(
      start.x + DRAG_RADIUS_PX * Math.sin(angle),
      start.y + DRAG_RADIUS_PX * (1 - Math.cos(angle)),
    );
  }
  const recording = await stopRecording(page);
  await page.mouse.up();
  if (recording.nodeMovedFrames === 0) throw new Error(`Dragging node ${nodeId} did not move it`);
  return recording;
}

async function stopRecording(page: Page): Promise<FrameRecording> {
  return recordingSchema.parse(await page.evaluate(stopFrameRecorder));
}

function summarizeOpenings(opens: readonly OpenMarks[]): OpenFigures {
  const ready = opens.map((marks) => marks.readyMs ?? Number.NaN);
  const rendered = opens.map((marks) => marks.renderedMs ?? Number.NaN);
  return {
    samples: opens.length,
    p50Ms: nearestRank(ready, 50),
    maxMs: nearestRank(ready, 100),
    renderedP50Ms: nearestRank(rendered, 50),
  };
}

function summarizeFrames(frameTimesMs: readonly number[]): FrameFigures {
  const intervals = frameTimesMs.slice(1).map((time, index) => time - (frameTimesMs[index] ?? 0));
  const first = frameTimesMs[0] ?? Number.NaN;
  const last = frameTimesMs.at(-1) ?? Number.NaN;
  const seconds = (last - first) / 1000;
  return {
    seconds,
    frames: intervals.length,
    framesPerSecond: intervals.length / seconds,
    p95FrameMs: nearestRank(intervals, 95),
    maxFrameMs: nearestRank(intervals, 100),
  };
}

/** The nearest-rank percentile `p` of `values`; NaN when there are none. */
function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}
