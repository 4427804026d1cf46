"use client";

import { useSyncExternalStore } from "react";
import { formatExactTime, formatRelativeTime } from "./format";

/** Relative times are minute-grained past the first minute, so a slow shared tick suffices. */
const TICK_MS = 15_000;

let nowMs = Date.now();
let ticker: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    nowMs = Date.now();
    ticker = setInterval(() => {
      nowMs = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(ticker);
  };
}

/** The current time, refreshed every 15 s by one timer shared by every caller on the page. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => nowMs,
    () => nowMs,
  );
}

/** "5 min. ago", with the exact time in its title and `dateTime`. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatExactTime(iso)} className={className}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
