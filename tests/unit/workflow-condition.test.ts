import { describe, expect, it } from "vitest";
import type { ConditionConfig, ConditionRule } from "../../lib/workflow/condition-node-type";
import { evaluateCondition } from "../../lib/workflow/evaluate-condition";
import type { Graph, GraphEdge, GraphNode } from "../../lib/workflow/graph";
import { isNodeLive, type SourceOutcome } from "../../lib/workflow/live-edges";
import { validateGraph } from "../../lib/workflow/validate-graph";
import { validateNodeConfig } from "../../lib/workflow/validate-node-config";

const context = {
  trigger: { body: { status: "paid", total: 42, tags: ["vip", "eu"], note: "", id: "ord_17" } },
  steps: { http1: { response: { status: 200 } } },
};

function holds(rule: ConditionRule): boolean {
  const evaluation = evaluateCondition({ combine: "all", rules: [rule] }, context);
  if (!evaluation.ok) throw new Error(evaluation.error);
  return evaluation.outcome.result;
}

describe("evaluateCondition", () => {
  it.each<[ConditionRule, boolean]>([
    [{ left: "{{trigger.body.status}}", operator: "equals", right: "paid" }, true],
    [{ left: "{{trigger.body.status}}", operator: "equals", right: "open" }, false],
    [{ left: "{{trigger.body.status}}", operator: "not_equals", right: "open" }, true],
    [{ left: "{{trigger.body.total}}", operator: "equals", right: "42" }, true],
    [{ left: "{{trigger.body.tags}}", operator: "contains", right: "vip" }, true],
    [{ left: "{{trigger.body.tags}}", operator: "contains", right: "v" }, false],
    [{ left: "{{trigger.body.status}}", operator: "contains", right: "ai" }, true],
    [{ left: "{{trigger.body.total}}", operator: "greater_than", right: "9" }, true],
    [{ left: "{{trigger.body.total}}", operator: "less_than", right: "9" }, false],
    [{ left: "{{trigger.body.status}}", operator: "greater_than", right: "1" }, false],
    [{ left: "{{steps.http1.response.status}}", operator: "less_than", right: "300" }, true],
    [{ left: "{{trigger.body.status}}", operator: "exists", right: "" }, true],
    [{ left: "{{trigger.body.missing}}", operator: "exists", right: "" }, false],
    [{ left: "{{trigger.body.note}}", operator: "is_empty", right: "" }, true],
    [{ left: "{{trigger.body.missing}}", operator: "is_empty", right: "" }, true],
    [{ left: "{{trigger.body.tags}}", operator: "is_empty", right: "" }, false],
    [{ left: "{{trigger.body.id}}", operator: "matches", right: "^ord_[0-9]+$" }, true],
    [{ left: "{{trigger.body.status}}", operator: "matches", right: "^ord_" }, false],
    [{ left: "Order {{trigger.body.id}}", operator: "equals", right: "Order ord_17" }, true],
  ])("%o gives %s", (rule, expected) => {
    expect(holds(rule)).toBe(expected);
  });

  it("combines rules with all or any and records each rule's outcome", () => {
    const rules: ConditionRule[] = [
      { left: "{{trigger.body.status}}", operator: "equals", right: "paid" },
      { left: "{{trigger.body.total}}", operator: "greater_than", right: "100" },
    ];
    const all = evaluateCondition({ combine: "all", rules }, context);
    const any = evaluateCondition({ combine: "any", rules }, context);

    expect(all).toEqual({
      ok: true,
      outcome: {
        result: false,
        rules: [
          { left: "paid", operator: "equals", right: "paid", result: true },
          { left: "42", operator: "greater_than", right: "100", result: false },
        ],
      },
    });
    expect(any.ok && any.outcome.result).toBe(true);
  });

  it("fails on a pattern that data made invalid, naming the rule", () => {
    const config: ConditionConfig = {
      combine: "all",
      rules: [
        { left: "x", operator: "equals", right: "x" },
        { left: "x", operator: "matches", right: "{{trigger.body.status}}(" },
      ],
    };
    const evaluation = evaluateCondition(config, context);
    expect(evaluation.ok).toBe(false);
    expect(!evaluation.ok && evaluation.error).toMatch(/^Rule 2: the pattern is not a valid/);
  });

  it("refuses to test a pattern against text over the length limit", () => {
    const long = { trigger: { text: "a".repeat(10_001) }, steps: {} };
    const rule: ConditionRule = { left: "{{trigger.text}}", operator: "matches", right: "a+" };
    const evaluation = evaluateCondition({ combine: "all", rules: [rule] }, long);
    expect(!evaluation.ok && evaluation.error).toMatch(/only tested on text up to 10,000/);
  });
});

describe("the Condition config", () => {
  it("refuses an empty value, a broken template, a bad pattern and a pattern that is too long", () => {
    const result = validateNodeConfig("condition", {
      combine: "all",
      rules: [
        { left: "", operator: "equals", right: "" },
        { left: "{{trigger.", operator: "equals", right: "" },
        { left: "{{trigger.body}}", operator: "matches", right: "(" },
        { left: "{{trigger.body}}", operator: "matches", right: "a".repeat(201) },
      ],
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((issue) => issue.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^Rule 1: enter the value to test/);
    expect(messages[1]).toMatch(/^Rule 2: /);
    expect(messages[2]).toMatch(/^Rule 3: the pattern is not a valid regular expression/);
    expect(messages[3]).toBe("Rule 4: the pattern may be at most 200 characters long");
  });

  it("needs at least one rule", () => {
    const result = validateNodeConfig("condition", { combine: "any", rules: [] });
    expect(result.ok ? [] : result.issues).toEqual([
      { field: "rules", message: "Add at least one rule" },
    ]);
  });
});

function node(id: string, type: string, config: Record<string, unknown> = {}): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

const condition = node("if1", "condition", {
  rules: [{ left: "{{trigger.body.ok}}", operator: "equals", right: "true" }],
});
const yes = node("yes", "respond");
const no = node("no", "respond");

describe("branch edges", () => {
  it("accept a condition's edges that name its true and false outputs", () => {
    const graph: Graph = {
      nodes: [node("webhook1", "webhook-trigger"), condition, yes, no],
      edges: [
        { id: "e1", source: "webhook1", target: "if1" },
        { id: "e2", source: "if1", target: "yes", sourceHandle: "true" },
        { id: "e3", source: "if1", target: "no", sourceHandle: "false" },
      ],
    };
    expect(validateGraph(graph)).toEqual([]);
  });

  it("refuse a condition's edge without an output and another node's edge with one", () => {
    const graph: Graph = {
      nodes: [node("webhook1", "webhook-trigger"), condition, yes],
      edges: [
        { id: "e1", source: "webhook1", target: "if1", sourceHandle: "true" },
        { id: "e2", source: "if1", target: "yes" },
      ],
    };
    expect(validateGraph(graph).filter((problem) => problem.code === "edge_handle")).toEqual([
      {
        code: "edge_handle",
        edgeId: "e1",
        message: "Edge e1 leaves Webhook trigger webhook1 from an output it does not have",
      },
      {
        code: "edge_handle",
        edgeId: "e2",
        message: "Edge e2 must leave Condition if1 from its true or false output",
      },
    ]);
  });

  it("make a node live when any edge into it comes from a taken branch or a plain node", () => {
    const fromTrue: GraphEdge = { id: "a", source: "if1", target: "x", sourceHandle: "true" };
    const fromFalse: GraphEdge = { id: "b", source: "if1", target: "x", sourceHandle: "false" };
    const fromHttp: GraphEdge = { id: "c", source: "http1", target: "x" };
    const tookFalse = new Map<string, SourceOutcome>([
      ["if1", { status: "ran", nodeType: "condition", output: { result: false, rules: [] } }],
      ["http1", { status: "skipped" }],
    ]);

    expect(isNodeLive([fromTrue], tookFalse)).toBe(false);
    expect(isNodeLive([fromFalse], tookFalse)).toBe(true);
    expect(isNodeLive([fromTrue, fromHttp], tookFalse)).toBe(false);
    expect(isNodeLive([fromTrue, fromFalse], tookFalse)).toBe(true);
  });
});
