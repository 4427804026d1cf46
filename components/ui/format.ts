/** Display formatting shared by the delivery log, the run page and the admin dashboard. */

const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

const exactTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
});

/** "850 ms", "1.4 s", "2 min 5 s"; an em dash when unknown. */
export function formatDuration(durationMs: number | null): string {
  if (durationMs === null) return "—";
  if (durationMs < 1_000) return `${Math.round(durationMs)} ms`;
  if (durationMs < 60_000) return `${(durationMs / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(durationMs / 60_000);
  const seconds = Math.round((durationMs % 60_000) / 1_000);
  return `${minutes} min ${seconds} s`;
}

/**
 * "just now", "5 min. ago", "3 days ago". Times slightly in the future (a skewed server clock,
 * or a clock that ticked a moment ago) read as "just now" rather than "in 2 sec.".
 */
export function formatRelativeTime(iso: string, nowMs: number): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1_000);
  if (seconds > -10) return "just now";
  if (seconds > -60) return relativeTime.format(seconds, "second");
  if (seconds > -3_600) return relativeTime.format(Math.round(seconds / 60), "minute");
  if (seconds > -86_400) return relativeTime.format(Math.round(seconds / 3_600), "hour");
  return relativeTime.format(Math.round(seconds / 86_400), "day");
}

/** Date and time to the millisecond, in the reader's locale. */
export function formatExactTime(iso: string): string {
  return exactTime.format(new Date(iso));
}

/** "512 B", "3.1 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1_024) return `${bytes} B`;
  if (bytes < 1_024 * 1_024) return `${(bytes / 1_024).toFixed(1)} KB`;
  return `${(bytes / (1_024 * 1_024)).toFixed(1)} MB`;
}

/** Any stored JSON value as indented text. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/**
 * A body that is a JSON object or array, indented; `null` for anything else, so plain text,
 * form data and bodies cut off mid-document are shown as they are.
 */
export function prettyJsonBody(body: string): string | null {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return null;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return null;
  }
}

/** A span of whole hours or days, floored: "1 hour", "36 hours", "7 days". */
export function formatHoursSpan(hours: number): string {
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 48 && whole % 24 !== 0) return `${whole} ${whole === 1 ? "hour" : "hours"}`;
  const days = Math.floor(whole / 24);
  return `${days} ${days === 1 ? "day" : "days"}`;
}
