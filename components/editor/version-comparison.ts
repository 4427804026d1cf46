/**
 * One side of a comparison in the version history: the editor's draft, a version by number,
 * or 0, the empty workflow that version 1 started from.
 */
export type ComparisonSide = "draft" | number;

export type Comparison = { from: ComparisonSide; to: ComparisonSide };

export const emptyWorkflowSide = 0;

/**
 * What one entry of the history changed: the draft against the newest version, a version
 * against the one before it, version 1 against the empty workflow.
 * `versionNumbers` lists the versions newest first.
 */
export function comparisonFor(side: ComparisonSide, versionNumbers: readonly number[]): Comparison {
  if (side === "draft") return { from: versionNumbers[0] ?? emptyWorkflowSide, to: "draft" };
  const previous = versionNumbers.find((number) => number < side);
  return { from: previous ?? emptyWorkflowSide, to: side };
}

/** What the history shows first: the draft's changes when it has any, else the newest version's. */
export function defaultComparison(
  versionNumbers: readonly number[],
  isDraftListed: boolean,
): Comparison {
  const newest = versionNumbers[0];
  return comparisonFor(isDraftListed || newest === undefined ? "draft" : newest, versionNumbers);
}

/** "Draft", "Version 3", "Empty workflow". */
export function sideLabel(side: ComparisonSide): string {
  if (side === "draft") return "Draft";
  return side === emptyWorkflowSide ? "Empty workflow" : `Version ${side}`;
}
