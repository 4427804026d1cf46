import { describe, expect, it } from "vitest";
import {
  createClipboardPayload,
  parseClipboardPayload,
  type GraphFragment,
} from "../../lib/workflow/clipboard-payload";
import type { Graph, GraphEdge } from "../../lib/workflow/graph";
import { remapNodeIds, rewriteStepReferences } from "../../lib/workflow/remap-node-ids";

const graph: Graph = {
  nodes: [
    { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    {
      id: "http1",
      type: "http-request",
      position: { x: 300, y: 0 },
      config: { method: "GET", url: "https://api.example.test/orders/{{trigger.body.id}}" },
    },
    {
      id: "send1",
      type: "send-webhook",
      position: { x: 600, y: 0 },
      config: {
        url: "https://hooks.example.test",
        payload: '{"shipment": "{{steps.http1.response.body.id}}", "raw": "{{steps["http1"]}}"}',
        secret: "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0",
      },
    },
  ],
  edges: [
    { id: "webhook1-http1", source: "webhook1", target: "http1" },
    { id: "http1-send1", source: "http1", target: "send1" },
  ],
};

const edgeIdFor = (edge: GraphEdge) => `${edge.source}-${edge.target}`;

function copy(...ids: string[]): GraphFragment {
  const fragment = parseClipboardPayload(createClipboardPayload(graph, ids) ?? "");
  if (fragment === null) throw new Error("the payload did not parse");
  return fragment;
}

describe("clipboard payload", () => {
  it("holds the chosen nodes and only the edges between them", () => {
    const fragment = copy("http1", "send1");
    expect(fragment.nodes.map((node) => node.id)).toEqual(["http1", "send1"]);
    expect(fragment.edges.map((edge) => edge.id)).toEqual(["http1-send1"]);
  });

  it("leaves secrets out and names them", () => {
    const text = createClipboardPayload(graph, ["send1"]) ?? "";
    expect(text).not.toContain("whsec_");
    const fragment = parseClipboardPayload(text);
    expect(fragment?.nodes[0]?.config["secret"]).toBe("");
    expect(fragment?.omittedSecrets).toEqual([{ nodeId: "send1", field: "secret" }]);
  });

  it("is null when no node is chosen", () => {
    expect(createClipboardPayload(graph, ["gone1"])).toBeNull();
  });

  it("refuses text that is not ours: plain text, other JSON, other versions", () => {
    expect(parseClipboardPayload("http1")).toBeNull();
    expect(parseClipboardPayload('{"nodes": [], "edges": []}')).toBeNull();
    const ours = JSON.parse(createClipboardPayload(graph, ["http1"]) ?? "{}") as object;
    expect(parseClipboardPayload(JSON.stringify({ ...ours, version: 2 }))).toBeNull();
    const badNode = { ...ours, nodes: [{ id: "1 bad", type: "x", position: {}, config: {} }] };
    expect(parseClipboardPayload(JSON.stringify(badNode))).toBeNull();
  });
});

describe("remapNodeIds", () => {
  it("gives pasted nodes the next free ids and joins their edges to them", () => {
    const placed = remapNodeIds(copy("http1", "send1"), graph, { x: 40, y: 40 }, edgeIdFor);
    expect(placed.nodes.map((node) => node.id)).toEqual(["http2", "send2"]);
    expect(placed.edges).toEqual([{ id: "http2-send2", source: "http2", target: "send2" }]);
    expect(placed.nodes[0]?.position).toEqual({ x: 340, y: 40 });
  });

  it("rewrites references to copied nodes and keeps references to others", () => {
    const placed = remapNodeIds(copy("http1", "send1"), graph, { x: 0, y: 0 }, edgeIdFor);
    expect(placed.nodes[1]?.config["payload"]).toBe(
      '{"shipment": "{{steps.http2.response.body.id}}", "raw": "{{steps["http2"]}}"}',
    );

    const alone = remapNodeIds(copy("send1"), graph, { x: 0, y: 0 }, edgeIdFor);
    expect(alone.nodes[0]?.config["payload"]).toContain("steps.http1.response");
    expect(alone.omittedSecrets).toEqual([{ nodeId: "send2", field: "secret" }]);
  });

  it("keeps ids free in an empty workflow", () => {
    const placed = remapNodeIds(
      copy("webhook1", "http1"),
      { nodes: [] },
      { x: 0, y: 0 },
      edgeIdFor,
    );
    expect(placed.nodes.map((node) => node.id)).toEqual(["webhook1", "http1"]);
  });

  it("leaves look-alike names alone", () => {
    const idMap = new Map([["http1", "http9"]]);
    expect(rewriteStepReferences("mysteps.http1 steps.http10 x.steps.http1", idMap)).toBe(
      "mysteps.http1 steps.http10 x.steps.http1",
    );
    expect(rewriteStepReferences({ list: ["{{ steps.http1.a }}"] }, idMap)).toEqual({
      list: ["{{ steps.http9.a }}"],
    });
  });
});
