/** Quick time ranges; choosing one stores its start as an absolute instant in the URL. */
export const timePresets = [
  { id: "1h", label: "Last hour", ms: 3_600_000 },
  { id: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { id: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
] as const;

const shortTime = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "4 Dec, 12:20", in the reader's zone. */
export function formatInstant(iso: string): string {
  return shortTime.format(new Date(iso));
}

/** "Since 4 Dec, 12:20", "Until …", "4 Dec, 09:00 – 4 Dec, 10:00"; null for any time. */
export function describeTimeRange(from?: string, to?: string): string | null {
  if (from && to) return `${formatInstant(from)} – ${formatInstant(to)}`;
  if (from) return `Since ${formatInstant(from)}`;
  if (to) return `Until ${formatInstant(to)}`;
  return null;
}

/** An ISO instant as a `datetime-local` input shows it, in the reader's zone, to the minute. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value, read in the reader's zone, as an ISO instant; null when empty. */
export function fromLocalInput(text: string): string | null {
  if (!text) return null;
  const time = new Date(text).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
