import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge, GraphNode } from "../../lib/workflow/graph";
import { validateGraph, type GraphProblem } from "../../lib/workflow/validate-graph";

const validConfigs: Record<string, Record<string, unknown>> = {
  "webhook-trigger": {},
  "manual-trigger": {},
  "http-request": { url: "https://api.example.com/orders" },
  "send-webhook": { url: "https://example.com/hooks", secret: "whsec_dGVzdA==" },
};

function node(id: string, type: string, config = validConfigs[type] ?? {}): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

function edge(source: string, target: string, id = `${source}-${target}`): GraphEdge {
  return { id, source, target };
}

function codesOf(problems: GraphProblem[]) {
  return problems.map((problem) => problem.code);
}

const webhook1 = node("webhook1", "webhook-trigger");
const http1 = node("http1", "http-request");
const send1 = node("send1", "send-webhook");

describe("validateGraph", () => {
  it("finds nothing wrong with a trigger wired to its steps", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, send1],
      edges: [edge("webhook1", "http1"), edge("http1", "send1")],
    };
    expect(validateGraph(graph)).toEqual([]);
  });

  it("accepts two triggers sharing a step", () => {
    const graph: Graph = {
      nodes: [webhook1, node("manual1", "manual-trigger"), http1],
      edges: [edge("webhook1", "http1"), edge("manual1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([]);
  });

  it("asks for a trigger when there is none, naming the trigger types", () => {
    expect(validateGraph({ nodes: [], edges: [] })).toEqual([
      {
        code: "no_trigger",
        message:
          "The workflow has no trigger: add a Webhook trigger, a Manual trigger or a Schedule trigger to start it",
      },
    ]);
  });

  it("without a trigger, reports only the nodes with no edge at all as unconnected", () => {
    const graph: Graph = {
      nodes: [http1, send1, node("http2", "http-request")],
      edges: [edge("http1", "send1")],
    };
    const problems = validateGraph(graph);
    expect(codesOf(problems)).toEqual(["no_trigger", "unconnected_node"]);
    expect(problems[1]).toMatchObject({ nodeId: "http2" });
  });

  it("reports a step that no trigger reaches in words a person understands", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, send1],
      edges: [edge("webhook1", "send1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "unconnected_node",
        nodeId: "http1",
        message: "HTTP request http1 is not connected to a trigger",
      },
    ]);
  });

  it("reports a step fed only by another unreachable step", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, send1, node("http2", "http-request")],
      edges: [edge("webhook1", "http2"), edge("http1", "send1")],
    };
    const unconnected = validateGraph(graph).map((problem) => problem.nodeId);
    expect(unconnected).toEqual(["http1", "send1"]);
  });

  it("reports a trigger that leads nowhere", () => {
    const graph: Graph = {
      nodes: [webhook1, node("manual1", "manual-trigger"), http1],
      edges: [edge("webhook1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "unconnected_node",
        nodeId: "manual1",
        message: "Manual trigger manual1 is not connected to any step",
      },
    ]);
  });

  it("reports every node on a cycle, naming the others", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, node("http2", "http-request"), send1],
      edges: [
        edge("webhook1", "http1"),
        edge("http1", "http2"),
        edge("http2", "send1"),
        edge("send1", "http1"),
      ],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "cycle",
        nodeId: "http1",
        message: "HTTP request http1 is in a loop with http2 and send1; workflows cannot loop",
      },
      {
        code: "cycle",
        nodeId: "http2",
        message: "HTTP request http2 is in a loop with http1 and send1; workflows cannot loop",
      },
      {
        code: "cycle",
        nodeId: "send1",
        message: "Send webhook send1 is in a loop with http1 and http2; workflows cannot loop",
      },
    ]);
  });

  it("reports a node connected to itself as a cycle", () => {
    const graph: Graph = {
      nodes: [webhook1, http1],
      edges: [edge("webhook1", "http1"), edge("http1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "cycle",
        nodeId: "http1",
        message: "HTTP request http1 connects to itself; workflows cannot loop",
      },
    ]);
  });

  it("reports separate cycles separately and leaves nodes off cycles alone", () => {
    const graph: Graph = {
      nodes: ["webhook1", "a", "b", "c", "d", "e"].map((id) =>
        id === "webhook1" ? webhook1 : node(id, "http-request"),
      ),
      edges: [
        edge("webhook1", "a"),
        edge("a", "b"),
        edge("b", "a"),
        edge("a", "c"),
        edge("c", "d"),
        edge("d", "e"),
        edge("e", "d"),
      ],
    };
    const cycles = validateGraph(graph).filter((problem) => problem.code === "cycle");
    expect(cycles.map((problem) => problem.nodeId)).toEqual(["a", "b", "d", "e"]);
    expect(cycles[0]?.message).toBe("HTTP request a is in a loop with b; workflows cannot loop");
  });

  it("names at most four other nodes of a long loop and counts the rest", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const graph: Graph = {
      nodes: [webhook1, ...ids.map((id) => node(id, "http-request"))],
      edges: [
        edge("webhook1", "a"),
        ...ids.map((id, index) => edge(id, ids[(index + 1) % ids.length] ?? "")),
      ],
    };
    const [first] = validateGraph(graph);
    expect(first?.message).toBe(
      "HTTP request a is in a loop with b, c, d, e and 2 other nodes; workflows cannot loop",
    );
  });

  it("reports an invalid config once per issue, with the field", () => {
    const graph: Graph = {
      nodes: [webhook1, node("http1", "http-request", { url: "", timeoutMs: 1 })],
      edges: [edge("webhook1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "invalid_config",
        nodeId: "http1",
        field: "url",
        message: "HTTP request http1: Enter a URL",
      },
      {
        code: "invalid_config",
        nodeId: "http1",
        field: "timeoutMs",
        message: "HTTP request http1: The timeout must be at least 100 ms",
      },
    ]);
  });

  it("reports a send-webhook node whose secret has not been generated yet", () => {
    const graph: Graph = {
      nodes: [
        webhook1,
        node("send1", "send-webhook", { url: "https://example.com/h", secret: "" }),
      ],
      edges: [edge("webhook1", "send1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "invalid_config",
        nodeId: "send1",
        field: "secret",
        message: "Send webhook send1: Generate a signing secret",
      },
    ]);
  });

  it("reports an unknown node type without checking its config", () => {
    const graph: Graph = {
      nodes: [webhook1, node("ftp1", "ftp-upload", { anything: true })],
      edges: [edge("webhook1", "ftp1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "unknown_node_type",
        nodeId: "ftp1",
        message: 'Node ftp1 has the unknown type "ftp-upload"',
      },
    ]);
  });

  it("reports a duplicate node id once", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, http1, http1],
      edges: [edge("webhook1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "duplicate_node_id",
        nodeId: "http1",
        message: "More than one node has the id http1; node ids must be unique",
      },
    ]);
  });

  it("reports an edge whose end does not exist", () => {
    const graph: Graph = {
      nodes: [webhook1, http1],
      edges: [edge("webhook1", "http1"), edge("http1", "http9", "e2")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "dangling_edge",
        edgeId: "e2",
        message: "Edge e2 connects to http9, which does not exist",
      },
    ]);
  });

  it("reports an edge into a trigger", () => {
    const graph: Graph = {
      nodes: [webhook1, send1, node("manual1", "manual-trigger"), http1],
      edges: [edge("webhook1", "send1"), edge("send1", "manual1", "e3"), edge("manual1", "http1")],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "edge_into_trigger",
        edgeId: "e3",
        message: "Edge e3 leads into Manual trigger manual1; nothing can run before a trigger",
      },
    ]);
  });

  it("reports a repeated connection and a repeated edge id", () => {
    const graph: Graph = {
      nodes: [webhook1, http1, send1],
      edges: [
        edge("webhook1", "http1", "e1"),
        edge("webhook1", "http1", "e2"),
        edge("http1", "send1", "e1"),
      ],
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: "duplicate_edge",
        edgeId: "e2",
        message: "Edge e2 repeats the connection from webhook1 to http1",
      },
      { code: "duplicate_edge", edgeId: "e1", message: "More than one edge has the id e1" },
    ]);
  });

  it("lists node problems, then edge problems, then the shape of the graph", () => {
    const graph: Graph = {
      nodes: [node("http1", "http-request", {}), node("x1", "mystery")],
      edges: [edge("http1", "gone")],
    };
    expect(codesOf(validateGraph(graph))).toEqual([
      "invalid_config",
      "unknown_node_type",
      "dangling_edge",
      "no_trigger",
      "unconnected_node",
      "unconnected_node",
    ]);
  });

  it("validates a 2000-node chain quickly", () => {
    const ids = Array.from({ length: 1999 }, (_, index) => `http${index + 1}`);
    const graph: Graph = {
      nodes: [webhook1, ...ids.map((id) => node(id, "http-request"))],
      edges: ["webhook1", ...ids].slice(0, -1).map((id, index) => edge(id, ids[index] ?? "")),
    };
    const started = performance.now();
    expect(validateGraph(graph)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
