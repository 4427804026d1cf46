import { describe, expect, it } from "vitest";
import type { Graph } from "../../lib/workflow/graph";
import { previewTemplate } from "../../lib/workflow/preview-template";
import { buildTemplateSamples, type SampleDataInput } from "../../lib/workflow/template-samples";

const graph: Graph = {
  nodes: [
    { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    { id: "http1", type: "http-request", position: { x: 0, y: 0 }, config: {} },
    { id: "http2", type: "http-request", position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "webhook1", target: "http1" },
    { id: "e2", source: "http1", target: "http2" },
  ],
};

const sampleData: SampleDataInput = {
  testEvent: {
    triggerData: {
      method: "POST",
      headers: {},
      query: {},
      body: { order: { id: "T-7", total: 12 } },
    },
  },
  lastRun: {
    triggerData: { body: { order: { id: "older" } } },
    stepOutputs: { webhook1: {}, http1: { status: 201, body: { ok: true } } },
  },
};

const samplesOfHttp2 = buildTemplateSamples(graph, "http2", sampleData);
const samplesOfHttp1 = buildTemplateSamples(graph, "http1", sampleData);

describe("previewTemplate", () => {
  it("renders text with the captured event and the earlier steps' outputs", () => {
    expect(
      previewTemplate(
        "https://api.test/orders/{{ trigger.body.order.id }}?s={{steps.http1.status}}",
        "text",
        samplesOfHttp2,
      ),
    ).toEqual({ kind: "checked", value: "https://api.test/orders/T-7?s=201", problems: [] });
  });

  it("renders JSON the way runs do, keeping the referenced value's type", () => {
    expect(previewTemplate('{"order": "{{trigger.body.order}}"}', "json", samplesOfHttp2)).toEqual({
      kind: "checked",
      value: '{"order":{"id":"T-7","total":12}}',
      problems: [],
    });
  });

  it("has nothing to preview in text without templates", () => {
    expect(previewTemplate("https://api.test/orders", "text", samplesOfHttp2)).toEqual({
      kind: "plain",
    });
  });

  it("reports broken syntax instead of a value", () => {
    expect(previewTemplate("Order {{ trigger.body", "text", samplesOfHttp2)).toEqual({
      kind: "invalid",
      error: 'Unterminated "{{" at character 7: close it with "}}"',
    });
  });

  it("warns, without failing, when a path is not in the last captured event", () => {
    expect(previewTemplate("{{trigger.body.ordr.id}}", "text", samplesOfHttp2)).toEqual({
      kind: "checked",
      problems: [
        {
          severity: "warning",
          message:
            "{{trigger.body.ordr.id}} is not in the last captured event (trigger.body has no key 'ordr'); it may still be there at run time",
        },
      ],
    });
  });

  it("fails a step that does not come earlier, even one the last run has output for", () => {
    const preview = previewTemplate(
      "{{steps.http2.status}} {{steps.nope}}",
      "text",
      samplesOfHttp1,
    );
    expect(preview).toEqual({
      kind: "checked",
      problems: [
        {
          severity: "error",
          message:
            "{{steps.http2.status}}: there is no step http2 before this one, so a run fails here",
        },
        {
          severity: "error",
          message: "{{steps.nope}}: there is no step nope before this one, so a run fails here",
        },
      ],
    });
  });

  it("says so when an earlier step has no output in the last run, or there is no run yet", () => {
    const withoutOutput = buildTemplateSamples(graph, "http2", {
      ...sampleData,
      lastRun: { triggerData: {}, stepOutputs: {} },
    });
    expect(previewTemplate("{{steps.http1.status}}", "text", withoutOutput)).toEqual({
      kind: "checked",
      problems: [
        {
          severity: "warning",
          message: "{{steps.http1.status}}: step http1 has no output in the last run",
        },
      ],
    });

    const withoutRun = buildTemplateSamples(graph, "http2", { ...sampleData, lastRun: null });
    expect(previewTemplate("{{steps.http1.status}}", "text", withoutRun)).toEqual({
      kind: "checked",
      problems: [],
      note: "Run the workflow once to preview the outputs of earlier steps.",
    });
  });

  it("takes the trigger data from the last run when nothing was captured, and names that", () => {
    const fromRun = buildTemplateSamples(graph, "http1", { ...sampleData, testEvent: null });
    expect(previewTemplate("{{trigger.body.order.id}}", "text", fromRun)).toMatchObject({
      value: "older",
    });
    expect(previewTemplate("{{trigger.body.x}}", "text", fromRun)).toEqual({
      kind: "checked",
      problems: [
        {
          severity: "warning",
          message:
            "{{trigger.body.x}} is not in the last run's trigger data (trigger.body has no key 'x'); it may still be there at run time",
        },
      ],
    });

    const nothing = buildTemplateSamples(graph, "http1", null);
    expect(previewTemplate("{{trigger.body.x}}", "text", nothing)).toMatchObject({
      note: "Capture a test event or run the workflow to preview the trigger's data.",
    });
  });
});
