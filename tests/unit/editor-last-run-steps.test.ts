import { describe, expect, it } from "vitest";
import {
  findNodeStep,
  indexStepsByNode,
  PREVIEW_TITLE_LENGTH,
  previewStepOutcome,
} from "../../components/editor/last-run-steps";
import type { StepStatus } from "../../lib/api/views";

function step(nodeId: string, nodeType: string, status: StepStatus, position: number) {
  return { nodeId, nodeType, status, position };
}

describe("a canvas node's step in the latest run", () => {
  const steps = indexStepsByNode([
    step("http1", "http-request", "failed", 1),
    step("manual1", "manual-trigger", "succeeded", 0),
    step("check1", "condition", "skipped", 2),
  ]);

  it("is the step that executed the node, whatever its status", () => {
    expect(findNodeStep(steps, { id: "manual1", nodeType: "manual-trigger" })?.status).toBe(
      "succeeded",
    );
    expect(findNodeStep(steps, { id: "http1", nodeType: "http-request" })?.status).toBe("failed");
    expect(findNodeStep(steps, { id: "check1", nodeType: "condition" })?.status).toBe("skipped");
  });

  it("is missing for a node the run did not reach or that the draft added since", () => {
    expect(findNodeStep(steps, { id: "webhook2", nodeType: "send-webhook" })).toBeUndefined();
  });

  it("is missing for a draft node that reuses an id of the run's version with another type", () => {
    expect(findNodeStep(steps, { id: "http1", nodeType: "transform" })).toBeUndefined();
  });

  it("is the later step when a run holds two steps of one node", () => {
    const twice = indexStepsByNode([
      step("delay1", "delay", "succeeded", 3),
      step("delay1", "delay", "waiting", 1),
    ]);
    expect(findNodeStep(twice, { id: "delay1", nodeType: "delay" })?.status).toBe("succeeded");
  });

  it("finds nothing in a run without steps", () => {
    expect(
      findNodeStep(indexStepsByNode([]), { id: "manual1", nodeType: "manual-trigger" }),
    ).toBeUndefined();
  });
});

describe("the one-line outcome on a canvas card", () => {
  it("says why a step failed", () => {
    expect(
      previewStepOutcome({ status: "failed", output: null, error: "The server answered 500" }),
    ).toBe("The server answered 500");
  });

  it("puts an HTTP call's status before its response body", () => {
    const output = { response: { status: 201, headers: { a: "b" }, body: { id: "SHP-1" } } };
    expect(previewStepOutcome({ status: "succeeded", output, error: null })).toBe(
      '201 · {"id":"SHP-1"}',
    );
  });

  it("shows other outputs as compact JSON, cut at the tooltip's length", () => {
    expect(previewStepOutcome({ status: "succeeded", output: { total: 10.5 }, error: null })).toBe(
      '{"total":10.5}',
    );
    const long = previewStepOutcome({
      status: "succeeded",
      output: { text: "x".repeat(1000) },
      error: null,
    });
    expect(long).toHaveLength(PREVIEW_TITLE_LENGTH + 1);
    expect(long?.endsWith("…")).toBe(true);
  });

  it("is nothing for steps that have not ended or did not run", () => {
    for (const status of ["running", "waiting", "skipped"] as const) {
      expect(
        previewStepOutcome({ status, output: { waitUntil: "later" }, error: null }),
      ).toBeNull();
    }
  });
});
