/** A scenario that could not run on this machine, and why; the rest of the run goes on. */
export type SkippedScenario = { skipped: string };

export function isSkipped<T extends object>(
  result: T | SkippedScenario,
): result is SkippedScenario {
  return "skipped" in result;
}
