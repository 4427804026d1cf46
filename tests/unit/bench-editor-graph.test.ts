import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "../../bench/bench-options";
import { createGridGraph } from "../../bench/editor-graph";
import { validateGraph } from "../../lib/workflow/validate-graph";

describe("createGridGraph", () => {
  it("builds a 500-node workflow that validates without problems", () => {
    const graph = createGridGraph(500);

    expect(graph.nodes).toHaveLength(500);
    expect(graph.edges).toHaveLength(499);
    expect(validateGraph(graph)).toEqual([]);
  });

  it("starts with one trigger and uses several step types after it", () => {
    const graph = createGridGraph(10);
    const types = graph.nodes.map((node) => node.type);

    expect(types[0]).toBe("manual-trigger");
    expect(types.filter((type) => type.endsWith("-trigger"))).toHaveLength(1);
    expect(new Set(types.slice(1))).toEqual(
      new Set(["http-request", "transform", "condition", "delay"]),
    );
    expect(validateGraph(graph)).toEqual([]);
  });

  it("puts every node in a grid cell of its own", () => {
    const positions = createGridGraph(500).nodes.map(
      ({ position }) => `${position.x},${position.y}`,
    );

    expect(new Set(positions).size).toBe(500);
  });
});

describe("parseBenchOptions for the editor scenario", () => {
  it("runs only the editor when --only names it, with the samples asked for", () => {
    const options = parseBenchOptions(["--only", "editor", "--editor-samples", "4"]);

    expect(options).toMatchObject({ scenarios: ["editor"], editorSamples: 4 });
  });

  it("includes the editor in a full run", () => {
    const options = parseBenchOptions([]);

    expect(options).toMatchObject({ editorSamples: 7 });
    expect(options !== "help" && options.scenarios).toContain("editor");
  });
});
