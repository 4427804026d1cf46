import { NEW_EXCHANGES_CAP } from "@/lib/client/exchange-queries";

/** "3 new exchanges", "50+ new exchanges": the count is capped where it was counted. */
export function describeNewCount(count: number): string {
  const shown = count > NEW_EXCHANGES_CAP ? `${NEW_EXCHANGES_CAP}+` : String(count);
  return `${shown} new ${count === 1 ? "exchange" : "exchanges"}`;
}

/**
 * Floats over the top of the list while the reader is away from its newest rows, so arrivals
 * never move what they are reading; pressing it brings the newest rows in.
 */
export function NewExchangesMarker({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div className="pointer-events-none absolute inset-x-0 top-11 z-20 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full bg-indigo-600 px-3.5 py-1.5 text-sm font-medium text-white shadow-lg ring-1 ring-indigo-700/20 hover:bg-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-300 focus-visible:ring-offset-2"
      >
        <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="h-3.5 w-3.5">
          <path d="M8 2.5a.75.75 0 0 1 .53.22l4 4a.75.75 0 0 1-1.06 1.06L8.75 5.06v7.69a.75.75 0 0 1-1.5 0V5.06L4.53 7.78a.75.75 0 0 1-1.06-1.06l4-4A.75.75 0 0 1 8 2.5Z" />
        </svg>
        {describeNewCount(count)}
      </button>
    </div>
  );
}
