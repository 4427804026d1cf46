import { describe, expect, it } from "vitest";
import type { Graph } from "../../lib/workflow/graph";
import { planExecution } from "../../lib/workflow/plan-execution";

/** Builds a graph from node ids (webhook* and manual* are triggers) and "source>target" edges. */
function graphOf(nodeIds: string[], edges: string[]): Graph {
  return {
    nodes: nodeIds.map((id) => ({
      id,
      type:
        id.startsWith("webhook") || id.startsWith("manual") ? "webhook-trigger" : "http-request",
      position: { x: 0, y: 0 },
      config: {},
    })),
    edges: edges.map((edge, index) => {
      const [source = "", target = ""] = edge.split(">");
      return { id: `e${index + 1}`, source, target };
    }),
  };
}

describe("planExecution", () => {
  it("runs a chain in order", () => {
    const graph = graphOf(["http2", "webhook1", "http1"], ["webhook1>http1", "http1>http2"]);
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "http1", "http2"]);
  });

  it("runs a join only after all of its reachable predecessors", () => {
    const graph = graphOf(
      ["webhook1", "a", "b", "c", "join"],
      ["webhook1>a", "webhook1>join", "a>b", "b>join", "webhook1>c", "c>join"],
    );
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a", "b", "c", "join"]);
  });

  it("breaks ties by the order of graph.nodes, not by edge order", () => {
    const graph = graphOf(["webhook1", "z", "y", "x"], ["webhook1>x", "webhook1>y", "webhook1>z"]);
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "z", "y", "x"]);
  });

  it("prefers the earliest ready node over finishing a branch", () => {
    const graph = graphOf(["webhook1", "a", "b", "a2"], ["webhook1>a", "webhook1>b", "a>a2"]);
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a", "b", "a2"]);
  });

  it("leaves out nodes the trigger cannot reach, including other triggers' branches", () => {
    const graph = graphOf(
      ["webhook1", "manual1", "a", "b", "lonely"],
      ["webhook1>a", "manual1>b", "b>a"],
    );
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a"]);
    expect(planExecution(graph, "manual1")).toEqual(["manual1", "b", "a"]);
  });

  it("gives an empty plan for an unknown trigger id", () => {
    expect(planExecution(graphOf(["webhook1"], []), "webhook9")).toEqual([]);
  });

  it("ends on a cycle, leaving out the nodes on it and after it", () => {
    const graph = graphOf(
      ["webhook1", "a", "b", "c", "after", "side"],
      ["webhook1>a", "a>b", "b>c", "c>b", "c>after", "webhook1>side"],
    );
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a", "side"]);
  });

  it("keeps the trigger first even when an edge leads back into it", () => {
    const graph = graphOf(["webhook1", "a"], ["webhook1>a", "a>webhook1"]);
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a"]);
  });

  it("treats repeated edges and edges to missing nodes as harmless", () => {
    const graph = graphOf(["webhook1", "a", "b"], ["webhook1>a", "webhook1>a", "a>b", "a>ghost"]);
    expect(planExecution(graph, "webhook1")).toEqual(["webhook1", "a", "b"]);
  });

  it("plans a 2000-node chain without deep recursion", () => {
    const ids = ["webhook1", ...Array.from({ length: 1999 }, (_, index) => `n${index}`)];
    const edges = ids.slice(1).map((id, index) => `${ids[index] ?? ""}>${id}`);
    expect(planExecution(graphOf(ids, edges), "webhook1")).toEqual(ids);
  });
});
