import type { StepStatus } from "@/lib/api/views";
import { stepStatusWords } from "./last-run-steps";

const looks: Record<StepStatus, { label: string; dot: string; text: string }> = {
  succeeded: { label: "Succeeded", dot: "bg-emerald-500", text: "text-emerald-700" },
  failed: { label: "Failed", dot: "bg-rose-500", text: "text-rose-700" },
  skipped: { label: "Skipped", dot: "bg-slate-400", text: "text-slate-600" },
  running: { label: "Running", dot: "bg-sky-500 animate-pulse", text: "text-sky-700" },
  waiting: { label: "Waiting", dot: "bg-violet-500", text: "text-violet-700" },
};

/**
 * Zoomed far out the words cannot be read: the badge drops its pill and keeps a dot, large
 * enough to be seen, in the status colour.
 */
const outline = {
  pill: "group-data-[detail=outline]/canvas:bg-transparent group-data-[detail=outline]/canvas:p-0 group-data-[detail=outline]/canvas:ring-0",
  dot: "group-data-[detail=outline]/canvas:h-6 group-data-[detail=outline]/canvas:w-6",
  words: "group-data-[detail=outline]/canvas:hidden",
};

/** How the node's step fared in the workflow's latest run, on the top edge of its card. */
export function LastRunBadge({ status }: { status: StepStatus }) {
  const look = looks[status];
  const name = `Last run: ${stepStatusWords[status]}`;

  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      className={`absolute -top-2.5 left-3 flex items-center gap-1 rounded-full bg-white px-1.5 py-px text-[10px] leading-4 font-semibold ring-1 ring-slate-200 ${look.text} ${outline.pill}`}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${look.dot} ${outline.dot}`} />
      <span aria-hidden className={outline.words}>
        {look.label}
      </span>
    </span>
  );
}
