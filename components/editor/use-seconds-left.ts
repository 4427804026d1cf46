"use client";

import { useEffect, useState } from "react";

/**
 * Whole seconds until `untilIso`, ticking once a second while there is a deadline; 0 once it
 * has passed or when there is none. The deadline is the server's clock read on this one, so a
 * skewed browser clock shifts the count by its skew.
 */
export function useSecondsLeft(untilIso: string | null): number {
  const [nowMs, setNowMs] = useState(() => Date.now());

  useEffect(() => {
    if (untilIso === null) return;
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [untilIso]);

  if (untilIso === null) return 0;
  return Math.max(0, Math.ceil((Date.parse(untilIso) - nowMs) / 1_000));
}

/** "1:05" for 65 seconds. */
export function formatMinutesSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}
