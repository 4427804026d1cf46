import { describe, expect, it } from "vitest";
import {
  comparisonFor,
  defaultComparison,
  sideLabel,
} from "../../components/editor/version-comparison";

describe("the version history's comparisons", () => {
  it("compares a version with the one before it, and version 1 with the empty workflow", () => {
    expect(comparisonFor(3, [5, 3, 1])).toEqual({ from: 1, to: 3 });
    expect(comparisonFor(1, [5, 3, 1])).toEqual({ from: 0, to: 1 });
  });

  it("compares the draft with the newest version, or with the empty workflow when there is none", () => {
    expect(comparisonFor("draft", [5, 3, 1])).toEqual({ from: 5, to: "draft" });
    expect(comparisonFor("draft", [])).toEqual({ from: 0, to: "draft" });
  });

  it("first shows the draft's changes when the draft is listed, else the newest version's", () => {
    expect(defaultComparison([2, 1], true)).toEqual({ from: 2, to: "draft" });
    expect(defaultComparison([2, 1], false)).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([], false)).toEqual({ from: 0, to: "draft" });
  });

  it("names each side for the comparison's lists", () => {
    expect([sideLabel("draft"), sideLabel(4), sideLabel(0)]).toEqual([
      "Draft",
      "Version 4",
      "Empty workflow",
    ]);
  });
});
