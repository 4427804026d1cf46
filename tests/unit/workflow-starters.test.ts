import { describe, expect, it } from "vitest";
import { renderNodeConfig } from "../../lib/engine/executors/render-node-config";
import { executeTransform } from "../../lib/engine/executors/execute-transform";
import { builtInRedactionRules } from "../../lib/redaction/redaction-rules";
import type { GraphNode } from "../../lib/workflow/graph";
import { getNodeType } from "../../lib/workflow/node-types";
import type { TemplateContext } from "../../lib/workflow/templates";
import { validateGraph } from "../../lib/workflow/validate-graph";
import {
  buildStarterGraph,
  getWorkflowStarter,
  workflowStarters,
} from "../../lib/workflow/workflow-starters";

const secret = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";
const env = {
  policy: { allowPrivateNetworks: false },
  maxResponseBytes: 0,
  redaction: () => builtInRedactionRules(0),
};

/** What an HTTP request step outputs when the API answers 200 with a small JSON body. */
const sampleResponse = { response: { status: 200, headers: {}, body: { id: "res_1" } } };

/** Renders every node in run order, feeding each one's output (or a sample) to the next. */
async function renderInRunOrder(nodes: GraphNode[], trigger: unknown) {
  const context: TemplateContext = { trigger, steps: {} };
  const rendered = new Map<string, Record<string, unknown>>();
  for (const node of nodes) {
    const type = getNodeType(node.type);
    if (type === undefined) throw new Error(`unknown type ${node.type}`);
    const result = renderNodeConfig(node, context, (value) => type.configSchema.safeParse(value));
    if (!result.ok) throw new Error(`${node.id}: ${result.error}`);
    rendered.set(node.id, result.config as Record<string, unknown>);

    if (node.type === "transform") {
      const step = await executeTransform(node, context, env);
      expect(step.ok, `${node.id}: ${step.error ?? ""}`).toBe(true);
      context.steps[node.id] = step.output;
    }
    if (node.type === "http-request") context.steps[node.id] = sampleResponse;
  }
  return rendered;
}

describe("workflow starters", () => {
  it("offer at least three, each with a title, a one-line description and its steps", () => {
    expect(workflowStarters.length).toBeGreaterThanOrEqual(3);
    for (const starter of workflowStarters) {
      expect(starter.title).not.toBe("");
      expect(starter.description).not.toMatch(/\n/);
      expect(starter.steps.length).toBe(starter.nodes.length);
    }
    expect(new Set(workflowStarters.map((starter) => starter.id)).size).toBe(
      workflowStarters.length,
    );
  });

  it.each(workflowStarters.map((starter) => [starter.id, starter] as const))(
    "%s builds a graph that passes graph validation as it is",
    (_id, starter) => {
      expect(validateGraph(buildStarterGraph(starter, () => secret))).toEqual([]);
    },
  );

  it.each(workflowStarters.map((starter) => [starter.id, starter] as const))(
    "%s reads only parts of its sample event that exist, and only example.com hosts",
    async (_id, starter) => {
      const graph = buildStarterGraph(starter, () => secret);
      const trigger = { method: "POST", headers: {}, query: {}, body: starter.sampleEvent };

      const rendered = await renderInRunOrder(graph.nodes, trigger);

      for (const config of rendered.values()) {
        if (typeof config["url"] !== "string") continue;
        expect(new URL(config["url"]).hostname).toMatch(/(^|\.)example\.com$/);
      }
    },
  );

  it("fills the order's values into the fulfilment call, keeping their JSON types", async () => {
    const starter = getWorkflowStarter("order-fulfilment");
    if (starter === undefined) throw new Error("the order starter is missing");
    const graph = buildStarterGraph(starter, () => secret);
    const trigger = { body: starter.sampleEvent };

    const rendered = await renderInRunOrder(graph.nodes, trigger);

    expect(JSON.parse(String(rendered.get("http1")?.["body"]))).toEqual({
      orderId: "ord_1042",
      items: [{ sku: "BOOK-7", quantity: 2 }],
      shipTo: { city: "Leeds", country: "GB" },
    });
    expect(JSON.parse(String(rendered.get("send1")?.["payload"]))).toMatchObject({
      shipment: { id: "res_1" },
    });
  });

  it("gives every Send webhook a fresh signing secret and lays steps out left to right", () => {
    const starter = getWorkflowStarter("fan-out");
    if (starter === undefined) throw new Error("the fan-out starter is missing");
    let count = 0;
    const graph = buildStarterGraph(starter, () => `${secret}${++count}`);

    const send = graph.nodes.find((node) => node.type === "send-webhook");
    expect(send?.config["secret"]).toBe(`${secret}1`);
    const trigger = graph.nodes.find((node) => node.id === "webhook1");
    const others = graph.nodes.filter((node) => node.id !== "webhook1");
    for (const node of others) expect(node.position.x).toBeGreaterThan(trigger?.position.x ?? 0);
    expect(new Set(others.map((node) => node.position.y)).size).toBe(others.length);
  });
});
