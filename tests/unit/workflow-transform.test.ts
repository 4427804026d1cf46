import { describe, expect, it } from "vitest";
import { builtInRedactionRules } from "../../lib/redaction/redaction-rules";
import { executeTransform } from "../../lib/engine/executors/execute-transform";
import type { GraphNode } from "../../lib/workflow/graph";
import { validateGraph } from "../../lib/workflow/validate-graph";
import { validateNodeConfig } from "../../lib/workflow/validate-node-config";

const env = {
  policy: { allowPrivateNetworks: false },
  maxResponseBytes: 0,
  redaction: () => builtInRedactionRules(0),
};

const context = {
  trigger: { body: { id: "A-7", items: [{ price: 5 }, { price: 7.5 }] } },
  steps: { http1: { response: { body: { customer: "Ada" } } } },
};

function transform(expression: string): GraphNode {
  return { id: "transform1", type: "transform", position: { x: 0, y: 0 }, config: { expression } };
}

describe("a Transform step", () => {
  it("evaluates its expression over the trigger and earlier steps, by the names templates use", async () => {
    const result = await executeTransform(
      transform(
        '{ "order": trigger.body.id, "total": $sum(trigger.body.items.price), "for": steps.http1.response.body.customer }',
      ),
      context,
      env,
    );
    expect(result).toMatchObject({
      ok: true,
      output: { order: "A-7", total: 12.5, for: "Ada" },
    });
  });

  it("gives null when the expression matches nothing", async () => {
    const result = await executeTransform(transform("trigger.body.missing"), context, env);
    expect(result).toMatchObject({ ok: true, output: null });
  });

  it("fails with JSONata's message when evaluation fails", async () => {
    const result = await executeTransform(transform("$notAFunction(1)"), context, env);
    expect(result.ok).toBe(false);
    expect(result.error).toBe(
      "The expression failed: At character 14: Attempted to invoke a non-function",
    );
  });

  it("stops endless recursion at the depth limit", async () => {
    const result = await executeTransform(
      transform("($f := function($n) { $f($n + 1) + 1 }; $f(0))"),
      context,
      env,
    );
    expect(result.error).toMatch(/^The expression failed: .*Stack overflow/);
  });

  it("stops a long loop at the time limit", async () => {
    const startedAt = Date.now();
    const result = await executeTransform(
      transform("$sum([1..50000].($count([1..50000])))"),
      context,
      env,
    );
    expect(result.error).toMatch(/^The expression failed: .*timeout/i);
    expect(Date.now() - startedAt).toBeLessThan(3000);
  });

  it("refuses an output over 1 MiB of JSON", async () => {
    const result = await executeTransform(
      transform('$join([1..60000].("0123456789abcdefghij"))'),
      context,
      env,
    );
    expect(result.error).toMatch(
      /^The expression's value is [\d,]+ KiB of JSON; at most 1 MiB is kept$/,
    );
  });
});

describe("the Transform config", () => {
  it("reports a syntax error with its position, as a problem of the graph", () => {
    expect(validateNodeConfig("transform", { expression: "trigger.body.(items" })).toEqual({
      ok: false,
      issues: [
        {
          field: "expression",
          message: 'At character 19: Expected ")" before end of expression',
        },
      ],
    });
    const problems = validateGraph({
      nodes: [
        { id: "manual1", type: "manual-trigger", position: { x: 0, y: 0 }, config: {} },
        transform("{ "),
      ],
      edges: [{ id: "e1", source: "manual1", target: "transform1" }],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        code: "invalid_config",
        nodeId: "transform1",
        field: "expression",
      }),
    ]);
  });

  it("needs an expression", () => {
    expect(validateNodeConfig("transform", { expression: "  " })).toEqual({
      ok: false,
      issues: [{ field: "expression", message: "Enter a JSONata expression" }],
    });
  });
});
