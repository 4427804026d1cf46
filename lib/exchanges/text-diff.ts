/** One line of a line diff, with its number on each side where it exists (1-based). */
export type DiffLine =
  | { kind: "same"; text: string; beforeNumber: number; afterNumber: number }
  | { kind: "removed"; text: string; beforeNumber: number }
  | { kind: "added"; text: string; afterNumber: number };

/**
 * A line diff. `isApproximate` is set when the texts differ in more lines than the diff aligns
 * (`maxEdits`): the differing middle is then shown as removed in full and added in full.
 */
export type LineDiff = { lines: DiffLine[]; isApproximate: boolean };

/** A run of diff lines the reader sees, or a run of unchanged lines folded away. */
export type DiffSegment = { kind: "shown" | "folded"; lines: DiffLine[] };

const DEFAULT_MAX_EDITS = 2_000;

/**
 * The shortest line diff from `before` to `after` (Myers' algorithm), unchanged lines included.
 * Common leading and trailing lines are matched first, so two long bodies that differ in a few
 * places cost little. The work grows with the square of the differences, hence `maxEdits`.
 *
 * @example
 * diffLines("a\nb", "a\nc").lines.map((line) => line.kind); // ["same", "removed", "added"]
 */
export function diffLines(
  before: string,
  after: string,
  options: { maxEdits?: number } = {},
): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }

  const middle = alignMiddle(
    a.slice(start, endA),
    b.slice(start, endB),
    options.maxEdits ?? DEFAULT_MAX_EDITS,
  );
  const steps: Step[] = [
    ...Array<Step>(start).fill("same"),
    ...(middle ?? replaceAll(endA - start, endB - start)),
    ...Array<Step>(a.length - endA).fill("same"),
  ];
  return { lines: numberLines(steps, a, b), isApproximate: middle === null };
}

/**
 * Splits a diff into what to show and what to fold: changed lines with `context` unchanged
 * lines around each, and every longer unchanged run folded.
 */
export function foldUnchanged(lines: DiffLine[], context = 3): DiffSegment[] {
  const isNearChange = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    const last = Math.min(lines.length - 1, index + context);
    for (let near = Math.max(0, index - context); near <= last; near += 1) {
      isNearChange[near] = true;
    }
  });

  const segments: DiffSegment[] = [];
  lines.forEach((line, index) => {
    const kind = isNearChange[index] ? "shown" : "folded";
    const current = segments[segments.length - 1];
    if (current?.kind === kind) current.lines.push(line);
    else segments.push({ kind, lines: [line] });
  });
  return segments;
}

type Step = "same" | "removed" | "added";

function splitLines(text: string): string[] {
  return text === "" ? [] : text.split(/\r?\n/);
}

function replaceAll(removed: number, added: number): Step[] {
  return [...Array<Step>(removed).fill("removed"), ...Array<Step>(added).fill("added")];
}

/**
 * Myers' greedy search for the furthest-reaching path on each diagonal `k = x - y`, one round
 * per edit, keeping every round's frontier to walk the path back. Null past `maxEdits`.
 */
function alignMiddle(a: string[], b: string[], maxEdits: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const frontier = new Int32Array(2 * limit + 3);
  const offset = limit + 1;
  const rounds: Int32Array[] = [];

  for (let d = 0; d <= limit; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      const fromAbove =
        k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0));
      let x = fromAbove ? (frontier[offset + k + 1] ?? 0) : (frontier[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        rounds.push(frontier.slice(offset - d, offset + d + 1));
        return walkBack(rounds, n, m);
      }
    }
    rounds.push(frontier.slice(offset - d, offset + d + 1));
  }
  return null;
}

function walkBack(rounds: Int32Array[], n: number, m: number): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;

  for (let d = rounds.length - 1; d > 0; d -= 1) {
    const previous = rounds[d - 1] ?? new Int32Array(0);
    const at = (k: number) => previous[k + d - 1] ?? 0;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      steps.push("same");
      x -= 1;
      y -= 1;
    }
    steps.push(previousK === k + 1 ? "added" : "removed");
    x = previousX;
    y = previousY;
  }
  for (; x > 0 && y > 0; x -= 1, y -= 1) steps.push("same");
  return steps.reverse();
}

function numberLines(steps: Step[], a: string[], b: string[]): DiffLine[] {
  let beforeIndex = 0;
  let afterIndex = 0;
  return steps.map((step): DiffLine => {
    if (step === "removed") {
      beforeIndex += 1;
      return { kind: "removed", text: a[beforeIndex - 1] ?? "", beforeNumber: beforeIndex };
    }
    if (step === "added") {
      afterIndex += 1;
      return { kind: "added", text: b[afterIndex - 1] ?? "", afterNumber: afterIndex };
    }
    beforeIndex += 1;
    afterIndex += 1;
    return {
      kind: "same",
      text: a[beforeIndex - 1] ?? "",
      beforeNumber: beforeIndex,
      afterNumber: afterIndex,
    };
  });
}
