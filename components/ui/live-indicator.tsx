import type { LiveConnection } from "@/lib/client/use-live-events";

const appearance: Record<LiveConnection, { label: string; dot: string; text: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400", text: "text-slate-600" },
  open: { label: "Live", dot: "bg-emerald-500", text: "text-emerald-700" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500", text: "text-amber-700" },
  offline: { label: "Offline", dot: "bg-rose-500", text: "text-rose-700" },
};

/** Shows whether the live event stream is connected, so a quiet page is not mistaken for a stale one. */
export function LiveIndicator({ connection }: { connection: LiveConnection }) {
  const { label, dot, text } = appearance[connection];
  const isOpen = connection === "open";

  return (
    <span
      role="status"
      title={
        isOpen
          ? "Updates arrive as they happen."
          : "Updates are paused until the stream reconnects."
      }
      className={`inline-flex items-center gap-1.5 rounded-full bg-white px-2.5 py-1 text-xs font-medium ring-1 ring-slate-200 ${text}`}
    >
      <span aria-hidden className="relative flex h-2 w-2">
        {isOpen ? (
          <span
            className={`absolute inline-flex h-full w-full animate-ping rounded-full opacity-60 ${dot}`}
          />
        ) : null}
        <span className={`relative inline-flex h-2 w-2 rounded-full ${dot}`} />
      </span>
      {label}
    </span>
  );
}
