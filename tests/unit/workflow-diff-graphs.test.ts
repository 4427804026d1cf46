import { describe, expect, it } from "vitest";
import { diffGraphs, isDiffEmpty } from "../../lib/workflow/diff-graphs";
import type { Graph, GraphEdge, GraphNode } from "../../lib/workflow/graph";

function node(id: string, type: string, config: Record<string, unknown> = {}, x = 0): GraphNode {
  return { id, type, position: { x, y: 0 }, config };
}

function edge(source: string, target: string, sourceHandle?: string): GraphEdge {
  return { id: `${source}-${target}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) };
}

const http = { method: "GET", url: "https://api.example.test/a", headers: {}, timeoutMs: 2000 };

const base: Graph = {
  nodes: [node("webhook1", "webhook-trigger"), node("http1", "http-request", http)],
  edges: [edge("webhook1", "http1")],
};

describe("diffGraphs", () => {
  it("finds nothing between a graph and an equal copy", () => {
    const diff = diffGraphs(base, structuredClone(base));
    expect(isDiffEmpty(diff)).toBe(true);
  });

  it("ignores the order of config keys and moves below half a pixel", () => {
    const reordered: Graph = {
      nodes: [
        { ...node("webhook1", "webhook-trigger"), position: { x: 0.3, y: -0.2 } },
        node("http1", "http-request", {
          timeoutMs: 2000,
          headers: {},
          url: "https://api.example.test/a",
          method: "GET",
        }),
      ],
      edges: [{ ...edge("webhook1", "http1"), id: "another-id" }],
    };
    expect(isDiffEmpty(diffGraphs(base, reordered))).toBe(true);
  });

  it("lists added and removed nodes with their type labels", () => {
    const after: Graph = {
      nodes: [node("webhook1", "webhook-trigger"), node("send1", "send-webhook")],
      edges: [],
    };
    const diff = diffGraphs(base, after);
    expect(diff.addedNodes).toEqual([
      { id: "send1", type: "send-webhook", typeLabel: "Send webhook" },
    ]);
    expect(diff.removedNodes).toEqual([
      { id: "http1", type: "http-request", typeLabel: "HTTP request" },
    ]);
    expect(diff.changedNodes).toEqual([]);
  });

  it("names changed settings by their registry labels with old and new values", () => {
    const after = structuredClone(base);
    after.nodes[1] = node("http1", "http-request", {
      ...http,
      url: "https://api.example.test/b",
      timeoutMs: 5000,
    });
    const [changed, ...others] = diffGraphs(base, after).changedNodes;
    expect(others).toEqual([]);
    expect(changed).toMatchObject({ id: "http1", typeLabel: "HTTP request", move: null });
    expect(changed?.fields).toEqual([
      {
        name: "url",
        label: "URL",
        before: "https://api.example.test/a",
        after: "https://api.example.test/b",
        isSecret: false,
      },
      { name: "timeoutMs", label: "Timeout (ms)", before: 2000, after: 5000, isSecret: false },
    ]);
  });

  it("reports a setting that appears or disappears as undefined on the other side", () => {
    const after = structuredClone(base);
    after.nodes[1] = node("http1", "http-request", {
      ...http,
      body: '{"a": 1}',
      headers: undefined,
    });
    const fields = diffGraphs(base, after).changedNodes[0]?.fields ?? [];
    expect(fields.map((field) => [field.label, field.before, field.after])).toEqual([
      ["Headers", {}, undefined],
      ["Body", undefined, '{"a": 1}'],
    ]);
  });

  it("compares nested values such as header maps and condition rules deeply", () => {
    const rules = [{ left: "{{trigger.body.total}}", operator: "gt", right: "100" }];
    const before: Graph = {
      nodes: [node("if1", "condition", { combine: "all", rules })],
      edges: [],
    };
    const same = structuredClone(before);
    expect(isDiffEmpty(diffGraphs(before, same))).toBe(true);

    const after = structuredClone(before);
    after.nodes[0] = node("if1", "condition", {
      combine: "all",
      rules: [{ ...rules[0], right: "200" }],
    });
    const fields = diffGraphs(before, after).changedNodes[0]?.fields ?? [];
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ name: "rules", label: "Rules" });
  });

  it("marks secret settings so their values are not shown", () => {
    const before: Graph = {
      nodes: [node("send1", "send-webhook", { secret: "whsec_a" })],
      edges: [],
    };
    const after: Graph = {
      nodes: [node("send1", "send-webhook", { secret: "whsec_b" })],
      edges: [],
    };
    expect(diffGraphs(before, after).changedNodes[0]?.fields[0]).toMatchObject({
      label: "Signing secret",
      isSecret: true,
    });
  });

  it("labels settings the type does not declare by their key, after the declared ones", () => {
    const after = structuredClone(base);
    after.nodes[1] = node("http1", "http-request", { ...http, zeta: 1, alpha: 2, url: "x" });
    const fields = diffGraphs(base, after).changedNodes[0]?.fields ?? [];
    expect(fields.map((field) => field.label)).toEqual(["URL", "alpha", "zeta"]);
  });

  it("reports a moved node with rounded positions", () => {
    const after = structuredClone(base);
    after.nodes[1] = { ...node("http1", "http-request", http), position: { x: 240.4, y: 159.6 } };
    expect(diffGraphs(base, after).changedNodes).toEqual([
      {
        id: "http1",
        type: "http-request",
        typeLabel: "HTTP request",
        typeChange: null,
        move: { before: { x: 0, y: 0 }, after: { x: 240, y: 160 } },
        fields: [],
      },
    ]);
  });

  it("reports a node whose type changed under the same id", () => {
    const before: Graph = { nodes: [node("step1", "delay", { amount: 5 })], edges: [] };
    const after: Graph = { nodes: [node("step1", "transform", { expression: "$" })], edges: [] };
    const [changed] = diffGraphs(before, after).changedNodes;
    expect(changed?.typeChange).toEqual({
      before: { id: "step1", type: "delay", typeLabel: "Delay" },
      after: { id: "step1", type: "transform", typeLabel: "Transform" },
    });
    expect(changed?.fields.map((field) => field.name).sort()).toEqual(["amount", "expression"]);
  });

  it("keeps unknown node types readable by their stored name", () => {
    const before: Graph = { nodes: [], edges: [] };
    const after: Graph = { nodes: [node("x1", "retired-type", { a: 1 })], edges: [] };
    expect(diffGraphs(before, after).addedNodes).toEqual([
      { id: "x1", type: "retired-type", typeLabel: "retired-type" },
    ]);
    const changed = diffGraphs(after, { nodes: [node("x1", "retired-type", { a: 2 })], edges: [] });
    expect(changed.changedNodes[0]?.fields).toEqual([
      { name: "a", label: "a", before: 1, after: 2, isSecret: false },
    ]);
  });

  it("lists added and removed edges, matched by their ends rather than their ids", () => {
    const after: Graph = {
      nodes: [...base.nodes, node("send1", "send-webhook")],
      edges: [{ ...edge("webhook1", "http1"), id: "renamed" }, edge("http1", "send1")],
    };
    const diff = diffGraphs(base, after);
    expect(diff.addedEdges).toEqual([
      { source: "http1", target: "send1", sourceHandle: null, handleLabel: null },
    ]);
    expect(diff.removedEdges).toEqual([]);
    expect(diffGraphs(after, base).removedEdges).toEqual(diff.addedEdges);
  });

  it("tells a branch's outputs apart and names them by their labels", () => {
    const before: Graph = {
      nodes: [node("if1", "condition"), node("http1", "http-request", http)],
      edges: [edge("if1", "http1", "true")],
    };
    const after: Graph = { ...before, edges: [edge("if1", "http1", "false")] };
    const diff = diffGraphs(before, after);
    expect(diff.addedEdges).toEqual([
      { source: "if1", target: "http1", sourceHandle: "false", handleLabel: "false" },
    ]);
    expect(diff.removedEdges).toEqual([
      { source: "if1", target: "http1", sourceHandle: "true", handleLabel: "true" },
    ]);
  });

  it("keeps the order of the newer graph for additions and of the older for removals", () => {
    const before: Graph = {
      nodes: [node("b", "delay"), node("a", "delay"), node("c", "delay")],
      edges: [],
    };
    const after: Graph = {
      nodes: [node("e", "delay"), node("c", "delay"), node("d", "delay")],
      edges: [],
    };
    const diff = diffGraphs(before, after);
    expect(diff.addedNodes.map((item) => item.id)).toEqual(["e", "d"]);
    expect(diff.removedNodes.map((item) => item.id)).toEqual(["b", "a"]);
  });

  it("does not change the graphs it compares", () => {
    const before = structuredClone(base);
    const after = structuredClone(base);
    after.nodes.pop();
    const copies = [structuredClone(before), structuredClone(after)];
    diffGraphs(before, after);
    expect([before, after]).toEqual(copies);
  });
});
