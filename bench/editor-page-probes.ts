// What the editor scenario runs inside the page. Handed over as text: the bench's own code is
// compiled with helpers the page does not have. Every time is the page's performance.now(),
// which a navigation starts at zero.

/** What the opening probe left in the page; null until it happened. */
export type OpenMarks = { renderedMs: number | null; readyMs: number | null };

/** What the frame recorder saw between its start and its stop. */
export type FrameRecording = {
  /** requestAnimationFrame timestamps, one per frame the page produced. */
  frameTimesMs: number[];
  /** Pointer moves the page received. */
  pointerMoves: number;
  /** Frames at whose start the watched node stood somewhere else than at the previous one. */
  nodeMovedFrames: number;
};

/**
 * An init script for every document of the page: on a workflow named in `nodeCounts` (by id),
 * it checks at each frame whether that many canvas nodes exist and React Flow has measured
 * them all (it keeps a node hidden until then). The first frame where they do gives
 * `renderedMs`; a task queued from that frame runs once it has been painted and the main
 * thread is free for input again, and gives `readyMs`.
 */
export function openingProbe(nodeCounts: Record<string, number>): string {
  return `(() => {
    const workflowId = location.pathname.split("/")[2] ?? "";
    const expected = ${JSON.stringify(nodeCounts)}[workflowId];
    if (!location.pathname.startsWith("/workflows/") || expected === undefined) return;
    const marks = { renderedMs: null, readyMs: null };
    window.benchEditorOpen = marks;
    const check = () => {
      const count = document.getElementsByClassName("react-flow__node").length;
      const hidden = document.querySelector(".react-flow__node[style*='visibility: hidden']");
      if (count < expected || hidden !== null) {
        requestAnimationFrame(check);
        return;
      }
      marks.renderedMs = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.readyMs = performance.now(); };
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(check);
  })()`;
}

/** Whether the opening probe has its last mark; for `page.waitForFunction`. */
export const isOpened = "window.benchEditorOpen?.readyMs != null";

export const readOpenMarks = "window.benchEditorOpen";

/**
 * Starts recording a timestamp at every animation frame, the pointer moves the page receives,
 * and, when `watchedNodeId` is given, the frames at which that node's transform changed.
 */
export function startFrameRecorder(watchedNodeId: string | null): string {
  return `(() => {
    const selector = ${JSON.stringify(
      watchedNodeId === null ? null : `.react-flow__node[data-id="${watchedNodeId}"]`,
    )};
    const node = selector === null ? null : document.querySelector(selector);
    const recording = { frameTimesMs: [], pointerMoves: 0, nodeMovedFrames: 0, isOn: true };
    let lastTransform = node?.style.transform;
    const countMove = () => { recording.pointerMoves += 1; };
    window.addEventListener("pointermove", countMove, { capture: true, passive: true });
    recording.stop = () => {
      recording.isOn = false;
      window.removeEventListener("pointermove", countMove, { capture: true });
    };
    const frame = (time) => {
      if (!recording.isOn) return;
      recording.frameTimesMs.push(time);
      if (node && node.style.transform !== lastTransform) {
        recording.nodeMovedFrames += 1;
        lastTransform = node.style.transform;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.benchFrames = recording;
  })()`;
}

/** Stops the recorder and hands back what it saw. */
export const stopFrameRecorder = `(() => {
  const recording = window.benchFrames;
  recording.stop();
  return {
    frameTimesMs: recording.frameTimesMs,
    pointerMoves: recording.pointerMoves,
    nodeMovedFrames: recording.nodeMovedFrames,
  };
})()`;
