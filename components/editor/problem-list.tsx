"use client";

import type { ReportedProblem } from "@/components/workflows/reported-problems";

/**
 * Problems as a list; a problem that names a node is a button that selects the node and brings
 * it into view.
 */
export function ProblemList({
  problems,
  onFocusNode,
}: {
  problems: readonly ReportedProblem[];
  onFocusNode: (nodeId: string) => void;
}) {
  return (
    <ul className="space-y-1">
      {problems.map((problem, index) => (
        <li key={`${index}-${problem.message}`}>
          {problem.nodeId === undefined ? (
            <p className="flex gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700">
              <ProblemDot />
              {problem.message}
            </p>
          ) : (
            <button
              type="button"
              onClick={() => onFocusNode(problem.nodeId ?? "")}
              className="flex w-full gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-rose-50 hover:text-slate-900"
            >
              <ProblemDot />
              {problem.message}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProblemDot() {
  return <span aria-hidden className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full bg-rose-500" />;
}
