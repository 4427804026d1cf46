import type { RunOutcome } from "./use-editor-commands";

/** Why the server would not start a run, with each problem it named on a line of its own. */
export function RunRefusal({ outcome }: { outcome: Extract<RunOutcome, { ok: false }> }) {
  return (
    <div role="alert" className="space-y-1 text-xs text-rose-700">
      <p className="font-medium">{outcome.message}</p>
      {outcome.problems.map((problem) => (
        <p key={problem.message}>{problem.message}</p>
      ))}
    </div>
  );
}
