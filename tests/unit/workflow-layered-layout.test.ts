import { describe, expect, it } from "vitest";
import { layOutLayers, type LayoutNode } from "../../lib/workflow/layered-layout";

const spacing = { nodeWidth: 200, nodeHeight: 60, columnGap: 100, rowGap: 40 };

function node(id: string, y = 0, isTrigger = false): LayoutNode {
  return { id, position: { x: 999, y }, isTrigger };
}

describe("layOutLayers", () => {
  it("puts each node one column right of its furthest predecessor", () => {
    const nodes = [node("send1"), node("http2"), node("http1"), node("webhook1", 0, true)];
    const edges = [
      { source: "webhook1", target: "http1" },
      { source: "http1", target: "http2" },
      { source: "webhook1", target: "send1" },
      { source: "http2", target: "send1" },
    ];
    const positions = layOutLayers(nodes, edges, spacing);
    expect(positions.get("webhook1")).toEqual({ x: 0, y: 0 });
    expect(positions.get("http1")).toEqual({ x: 300, y: 0 });
    expect(positions.get("http2")).toEqual({ x: 600, y: 0 });
    expect(positions.get("send1")).toEqual({ x: 900, y: 0 });
  });

  it("stacks the nodes of one column centred, ordered by their predecessors' rows", () => {
    const nodes = [
      node("webhook1", 0, true),
      node("manual1", 500, true),
      node("fromManual", -100),
      node("fromWebhook", 100),
    ];
    const edges = [
      { source: "webhook1", target: "fromWebhook" },
      { source: "manual1", target: "fromManual" },
    ];
    const positions = layOutLayers(nodes, edges, spacing);
    expect(positions.get("webhook1")).toEqual({ x: 0, y: -50 });
    expect(positions.get("manual1")).toEqual({ x: 0, y: 50 });
    expect(positions.get("fromWebhook")).toEqual({ x: 300, y: -50 });
    expect(positions.get("fromManual")).toEqual({ x: 300, y: 50 });
  });

  it("places every node of a graph with a loop and stops", () => {
    const nodes = [node("webhook1", 0, true), node("a"), node("b")];
    const edges = [
      { source: "webhook1", target: "a" },
      { source: "a", target: "b" },
      { source: "b", target: "a" },
    ];
    const positions = layOutLayers(nodes, edges, spacing);
    expect([...positions.keys()].sort()).toEqual(["a", "b", "webhook1"]);
    expect(positions.get("webhook1")?.x).toBe(0);
    expect(positions.get("a")?.x).toBe(300);
    expect(positions.get("b")?.x).toBe(600);
  });

  it("leaves unconnected nodes in the first column", () => {
    const positions = layOutLayers([node("webhook1", 0, true), node("http1", 300)], [], spacing);
    expect(positions.get("webhook1")).toEqual({ x: 0, y: -50 });
    expect(positions.get("http1")).toEqual({ x: 0, y: 50 });
  });
});
