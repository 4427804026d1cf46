import { describe, expect, it } from "vitest";
import { diffLines, foldUnchanged, type DiffLine } from "@/lib/exchanges/text-diff";

function sides(lines: DiffLine[]): { before: string[]; after: string[] } {
  return {
    before: lines.filter((line) => line.kind !== "added").map((line) => line.text),
    after: lines.filter((line) => line.kind !== "removed").map((line) => line.text),
  };
}

/** The fewest insertions and deletions between two line lists, by the textbook LCS table. */
function minimalEdits(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] ?? [];
      row[j] =
        a[i] === b[j]
          ? (table[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return a.length + b.length - 2 * (table[0]?.[0] ?? 0);
}

/** A small deterministic generator, so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("diffLines", () => {
  it("marks a changed line as removed then added, between unchanged lines", () => {
    const { lines } = diffLines('{\n  "status": 500,\n  "ok": false\n}', '{\n  "status": 200\n}');

    expect(lines).toEqual([
      { kind: "same", text: "{", beforeNumber: 1, afterNumber: 1 },
      { kind: "removed", text: '  "status": 500,', beforeNumber: 2 },
      { kind: "removed", text: '  "ok": false', beforeNumber: 3 },
      { kind: "added", text: '  "status": 200', afterNumber: 2 },
      { kind: "same", text: "}", beforeNumber: 4, afterNumber: 3 },
    ]);
  });

  it("treats an empty text as no lines at all", () => {
    expect(diffLines("", "").lines).toEqual([]);
    expect(diffLines("", "a\nb").lines.map((line) => line.kind)).toEqual(["added", "added"]);
    expect(diffLines("a", "").lines.map((line) => line.kind)).toEqual(["removed"]);
  });

  it("ignores the difference between CRLF and LF line ends", () => {
    expect(diffLines("a\r\nb", "a\nb").lines.every((line) => line.kind === "same")).toBe(true);
  });

  it("finds a shortest diff that rebuilds both texts, for many random pairs", () => {
    const random = seededRandom(7);
    const words = ["a", "b", "c", "d"];
    const randomLines = () =>
      Array.from(
        { length: Math.floor(random() * 12) },
        () => words[Math.floor(random() * 4)] ?? "a",
      );

    for (let round = 0; round < 300; round += 1) {
      const a = randomLines();
      const b = randomLines();
      const { lines, isApproximate } = diffLines(a.join("\n"), b.join("\n"));
      const edits = lines.filter((line) => line.kind !== "same").length;

      expect(isApproximate).toBe(false);
      expect(sides(lines)).toEqual({ before: a, after: b });
      expect(edits).toBe(minimalEdits(a, b));
    }
  });

  it("numbers the lines of each side in order", () => {
    const { lines } = diffLines("x\na\nb\nc", "a\ny\nb\nc\nz");

    const before = lines.flatMap((line) => (line.kind === "added" ? [] : [line.beforeNumber]));
    const after = lines.flatMap((line) => (line.kind === "removed" ? [] : [line.afterNumber]));
    expect(before).toEqual([1, 2, 3, 4]);
    expect(after).toEqual([1, 2, 3, 4, 5]);
  });

  it("falls back to replacing the differing middle when it exceeds the edit limit", () => {
    const before = ["head", "1", "2", "3", "tail"].join("\n");
    const after = ["head", "x", "y", "z", "tail"].join("\n");
    const { lines, isApproximate } = diffLines(before, after, { maxEdits: 2 });

    expect(isApproximate).toBe(true);
    expect(lines.map((line) => line.kind)).toEqual([
      "same",
      "removed",
      "removed",
      "removed",
      "added",
      "added",
      "added",
      "same",
    ]);
    expect(sides(lines)).toEqual({ before: before.split("\n"), after: after.split("\n") });
  });

  it("stays quick on long bodies that differ in a few lines", () => {
    const before = Array.from({ length: 20_000 }, (_, index) => `line ${index}`);
    const after = before.map((line, index) => (index % 5_000 === 0 ? `${line} changed` : line));
    const startedAt = performance.now();

    const { lines, isApproximate } = diffLines(before.join("\n"), after.join("\n"));

    expect(isApproximate).toBe(false);
    expect(lines.filter((line) => line.kind !== "same")).toHaveLength(8);
    expect(performance.now() - startedAt).toBeLessThan(1_000);
  });
});

describe("foldUnchanged", () => {
  it("keeps context around each change and folds longer unchanged runs", () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index}`);
    const after = before.map((line, index) => (index === 10 ? "changed" : line));
    const segments = foldUnchanged(diffLines(before.join("\n"), after.join("\n")).lines, 2);

    expect(segments.map((segment) => [segment.kind, segment.lines.length])).toEqual([
      ["folded", 8],
      ["shown", 6],
      ["folded", 7],
    ]);
  });

  it("folds nothing when every line is near a change", () => {
    const segments = foldUnchanged(diffLines("a\nb", "a\nc").lines);

    expect(segments).toHaveLength(1);
    expect(segments[0]?.kind).toBe("shown");
  });
});
