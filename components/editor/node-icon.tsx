import type { NodeCategory } from "@/lib/workflow/node-type";

const iconPaths: Record<string, string> = {
  "webhook-trigger": "M13 2 4 14h7l-1 8 9-12h-7l1-8z",
  "manual-trigger": "M8 5v14l11-7L8 5z",
  "http-request":
    "M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18z",
  "send-webhook": "M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z",
  respond: "M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11",
};

const fallbackPath = "M4 4h16v16H4z";

const categoryTiles: Record<NodeCategory, string> = {
  trigger: "bg-emerald-50 text-emerald-600 ring-emerald-200",
  action: "bg-indigo-50 text-indigo-600 ring-indigo-200",
};

/** A small glyph tile for a node type, tinted by category: triggers green, actions indigo. */
export function NodeIcon({ type, category }: { type: string; category: NodeCategory | undefined }) {
  const tile =
    category === undefined ? "bg-slate-100 text-slate-500 ring-slate-200" : categoryTiles[category];
  return (
    <span
      aria-hidden
      className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-md ring-1 ring-inset ${tile}`}
    >
      <svg
        viewBox="0 0 24 24"
        className="h-3.5 w-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={iconPaths[type] ?? fallbackPath} />
      </svg>
    </span>
  );
}
