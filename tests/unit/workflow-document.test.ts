import { describe, expect, it } from "vitest";
import { clearGraphSecrets } from "../../lib/workflow/clear-graph-secrets";
import type { Graph } from "../../lib/workflow/graph";
import { validateGraph } from "../../lib/workflow/validate-graph";
import {
  createWorkflowDocument,
  parseWorkflowDocument,
} from "../../lib/workflow/workflow-document";

const secret = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";

const graph: Graph = {
  nodes: [
    { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    {
      id: "http1",
      type: "http-request",
      position: { x: 330, y: 0 },
      config: {
        method: "GET",
        url: "https://api.example.com/orders",
        headers: {
          Authorization: "Bearer abc",
          "X-Api-Key": "k1",
          "X-Vendor-Key": "v",
          Accept: "*/*",
        },
      },
    },
    {
      id: "send1",
      type: "send-webhook",
      position: { x: 660, y: 0 },
      config: { url: "https://hooks.example.com/in", headers: { Cookie: "sid=1" }, secret },
    },
  ],
  edges: [
    { id: "e1", source: "webhook1", target: "http1" },
    { id: "e2", source: "http1", target: "send1" },
  ],
};

function documentOf(changes: Record<string, unknown>): unknown {
  return { ...createWorkflowDocument("Orders", graph, [], new Date(0)), ...changes };
}

describe("clearing secrets from a graph", () => {
  it("empties signing secrets and credential headers, keeps the rest and names each", () => {
    const { graph: cleared, clearedSecrets } = clearGraphSecrets(graph, new Set(["x-vendor-key"]));

    expect(cleared.nodes[1]?.config["headers"]).toEqual({
      Authorization: "",
      "X-Api-Key": "",
      "X-Vendor-Key": "",
      Accept: "*/*",
    });
    expect(cleared.nodes[2]?.config).toMatchObject({ secret: "", headers: { Cookie: "" } });
    expect(clearedSecrets).toEqual([
      { nodeId: "http1", field: "headers", header: "Authorization" },
      { nodeId: "http1", field: "headers", header: "X-Api-Key" },
      { nodeId: "http1", field: "headers", header: "X-Vendor-Key" },
      { nodeId: "send1", field: "secret" },
      { nodeId: "send1", field: "headers", header: "Cookie" },
    ]);
    expect(JSON.stringify(cleared)).not.toMatch(/Bearer abc|whsec_|sid=1/);
  });

  it("leaves the given graph untouched", () => {
    clearGraphSecrets(graph);
    expect(graph.nodes[2]?.config["secret"]).toBe(secret);
  });

  it("makes each emptied secret a problem the editor lists", () => {
    const problems = validateGraph(clearGraphSecrets(graph).graph);
    expect(problems.map(({ nodeId, field }) => `${nodeId}.${field}`)).toEqual([
      "http1.headers",
      "http1.headers",
      "send1.headers",
      "send1.secret",
    ]);
  });
});

describe("reading a workflow document", () => {
  it("accepts an export whose secrets were emptied", () => {
    const cleared = clearGraphSecrets(graph).graph;
    const parsed = parseWorkflowDocument(createWorkflowDocument("Orders", cleared, [], new Date()));
    expect(parsed).toEqual({ ok: true, name: "Orders", graph: cleared });
  });

  it.each([
    ["no format marker", { format: undefined }, "format"],
    ["another format", { format: "n8n/workflow" }, "format"],
    ["a newer version", { version: 2 }, "version"],
    ["an empty name", { name: " " }, "shape"],
    ["a graph without edges", { graph: { nodes: [] } }, "shape"],
    [
      "an unknown node type",
      { graph: { nodes: [{ ...graph.nodes[0], type: "ftp-upload" }], edges: [] } },
      "node_types",
    ],
    [
      "an edge to nowhere",
      { graph: { nodes: graph.nodes, edges: [{ id: "e9", source: "webhook1", target: "x1" }] } },
      "graph",
    ],
  ])("refuses a document with %s", (_label, changes, reason) => {
    expect(parseWorkflowDocument(documentOf(changes))).toMatchObject({ ok: false, reason });
  });

  it("refuses what is not an object", () => {
    expect(parseWorkflowDocument([1, 2])).toMatchObject({ ok: false, reason: "format" });
  });
});
