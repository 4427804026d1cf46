import type { NodeCategory } from "@/lib/workflow/node-type";

const iconPaths: Record<string, string> = {
  "webhook-trigger": "M13 2 4 14h7l-1 8 9-12h-7l1-8z",
  "manual-trigger": "M8 5v14l11-7L8 5z",
  "http-request":
    "M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18z",
  "send-webhook": "M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z",
  respond: "M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11",
  condition:
    "M6 3v12M18 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 9a9 9 0 0 1-9 9",
  transform: "M4 7h13M14 3l4 4-4 4M20 17H7M10 13l-4 4 4 4",
  delay: "M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
  "schedule-trigger":
    "M8 2v4M16 2v4M3 10h18M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
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
