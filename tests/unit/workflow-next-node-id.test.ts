import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../lib/workflow/graph";
import { nextNodeId } from "../../lib/workflow/next-node-id";

function nodes(...ids: string[]): { nodes: GraphNode[] } {
  return {
    nodes: ids.map((id) => ({ id, type: "http-request", position: { x: 0, y: 0 }, config: {} })),
  };
}

describe("nextNodeId", () => {
  it("starts at 1 in an empty graph", () => {
    expect(nextNodeId(nodes(), "http")).toBe("http1");
  });

  it("takes the number after the ones in use", () => {
    expect(nextNodeId(nodes("http1", "http2"), "http")).toBe("http3");
  });

  it("fills the first gap", () => {
    expect(nextNodeId(nodes("http1", "http3"), "http")).toBe("http2");
  });

  it("ignores ids with other prefixes", () => {
    expect(nextNodeId(nodes("send1", "webhook1"), "http")).toBe("http1");
  });
});
