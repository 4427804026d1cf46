import { describe, expect, it } from "vitest";
import {
  acceptTemplatePath,
  findOpenTemplate,
  matchTemplatePaths,
} from "../../lib/workflow/complete-template";
import type { Graph } from "../../lib/workflow/graph";
import { listEarlierSteps } from "../../lib/workflow/list-earlier-steps";
import { listSamplePaths, noOutputSample } from "../../lib/workflow/list-sample-paths";
import { buildTemplateSamples } from "../../lib/workflow/template-samples";

/** Builds a graph from node ids (webhook* are triggers) and "source>target" edges. */
function graphOf(nodeIds: string[], edges: string[]): Graph {
  return {
    nodes: nodeIds.map((id) => ({
      id,
      type: id.startsWith("webhook") ? "webhook-trigger" : "http-request",
      position: { x: 0, y: 0 },
      config: {},
    })),
    edges: edges.map((edge, index) => {
      const [source = "", target = ""] = edge.split(">");
      return { id: `e${index + 1}`, source, target };
    }),
  };
}

const chain = graphOf(
  ["webhook1", "http1", "http2", "http3"],
  ["webhook1>http1", "http1>http2", "http2>http3"],
);

const capturedTrigger = {
  method: "POST",
  headers: { "x-shop": "north" },
  query: { source: "shop" },
  body: { order: { id: "T-7", items: [{ sku: "A" }, { sku: "B" }] } },
};

describe("listEarlierSteps", () => {
  it("names the steps a run executes before the node, its trigger first", () => {
    expect(listEarlierSteps(chain, "http3")).toEqual(["webhook1", "http1", "http2"]);
    expect(listEarlierSteps(chain, "http1")).toEqual(["webhook1"]);
  });

  it("gives a trigger and a node that no trigger reaches no earlier steps", () => {
    const graph = graphOf(["webhook1", "http1", "loose"], ["webhook1>http1"]);
    expect(listEarlierSteps(graph, "webhook1")).toEqual([]);
    expect(listEarlierSteps(graph, "loose")).toEqual([]);
  });
});

describe("listSamplePaths", () => {
  it("lists the captured event's body first, objects and leaves alike, arrays by their first item", () => {
    const samples = buildTemplateSamples(chain, "http1", {
      testEvent: { triggerData: capturedTrigger },
      lastRun: null,
    });
    const paths = listSamplePaths(samples);

    expect(paths.slice(0, 5)).toEqual([
      { path: "trigger.body", sample: '{"order":{"id":"T-7","items":[{"sku":"A"},{"sku":"B"}]}}' },
      { path: "trigger.body.order", sample: '{"id":"T-7","items":[{"sku":"A"},{"sku":"B"}]}' },
      { path: "trigger.body.order.id", sample: "T-7" },
      { path: "trigger.body.order.items", sample: '[{"sku":"A"},{"sku":"B"}]' },
      { path: "trigger.body.order.items[0]", sample: '{"sku":"A"}' },
    ]);
    expect(paths.map((path) => path.path)).toEqual(
      expect.arrayContaining(["trigger.query.source", "trigger.headers.x-shop", "trigger.method"]),
    );
    expect(paths.map((path) => path.path)).not.toContain("trigger.body.order.items[1]");
  });

  it("offers outputs of earlier steps only, and says when an earlier step gave none", () => {
    const samples = buildTemplateSamples(chain, "http3", {
      testEvent: null,
      lastRun: {
        triggerData: { body: {} },
        stepOutputs: { http1: { status: 200 }, http3: { status: 500 } },
      },
    });
    const paths = listSamplePaths(samples).map((path) => path.path);

    expect(paths).toContain("steps.http1.status");
    expect(paths).not.toContain("steps.http3.status");
    expect(listSamplePaths(samples)).toContainEqual({
      path: "steps.http2",
      sample: noOutputSample,
    });
  });

  it("cuts long samples to one short line", () => {
    const samples = buildTemplateSamples(chain, "http1", {
      testEvent: { triggerData: { body: { note: "x".repeat(200) } } },
      lastRun: null,
    });
    const note = listSamplePaths(samples).find((path) => path.path === "trigger.body.note");
    expect(note?.sample).toHaveLength(60);
    expect(note?.sample.endsWith("…")).toBe(true);
  });
});

describe("findOpenTemplate", () => {
  it("finds the path being typed after an unclosed {{", () => {
    expect(findOpenTemplate("Order {{ trigger.bo", 19)).toEqual({
      start: 8,
      end: 19,
      padding: " ",
      query: "trigger.bo",
    });
    expect(findOpenTemplate("{{", 2)).toEqual({ start: 2, end: 2, padding: "", query: "" });
  });

  it("finds nothing once the template is closed, or outside any template", () => {
    expect(findOpenTemplate("{{trigger.body}} and more", 25)).toBeNull();
    expect(findOpenTemplate("plain text", 5)).toBeNull();
    expect(findOpenTemplate("{{ trigger.body and more", 24)).toBeNull();
  });

  it("reaches past the caret to the end of a path it is inside", () => {
    expect(findOpenTemplate("{{trigger.body}}", 9)).toEqual({
      start: 2,
      end: 14,
      padding: "",
      query: "trigger",
    });
  });
});

describe("matchTemplatePaths", () => {
  const paths = [
    "trigger.body",
    "trigger.body.Order",
    "trigger.body.order.id",
    "steps.http1.body",
  ].map((path) => ({ path, sample: "" }));

  it("ranks exact-case prefixes, then any-case prefixes, then paths that contain the text", () => {
    expect(matchTemplatePaths(paths, "trigger.body.o").map((path) => path.path)).toEqual([
      "trigger.body.order.id",
      "trigger.body.Order",
    ]);
    expect(matchTemplatePaths(paths, "body").map((path) => path.path)).toEqual([
      "trigger.body",
      "trigger.body.Order",
      "trigger.body.order.id",
      "steps.http1.body",
    ]);
  });

  it("matches everything for an empty query, up to the limit", () => {
    expect(matchTemplatePaths(paths, "")).toHaveLength(4);
    expect(matchTemplatePaths(paths, "", 2)).toHaveLength(2);
    expect(matchTemplatePaths(paths, "nothing")).toEqual([]);
  });
});

describe("acceptTemplatePath", () => {
  it("writes the path, closes the braces with the same spacing, and puts the caret after them", () => {
    const text = "Order {{ trigger.bo";
    const open = findOpenTemplate(text, text.length);
    expect(open).not.toBeNull();
    expect(acceptTemplatePath(text, open!, "trigger.body.order.id")).toEqual({
      text: "Order {{ trigger.body.order.id }}",
      caret: 33,
    });
  });

  it("replaces the whole path the caret is in and keeps braces that were already there", () => {
    const text = "{{trigger.bo}} tail";
    const open = findOpenTemplate(text, 9);
    expect(acceptTemplatePath(text, open!, "trigger.body")).toEqual({
      text: "{{trigger.body}} tail",
      caret: 16,
    });
  });
});
