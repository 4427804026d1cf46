import type {
  ExchangeKind,
  ExchangeKindFilter,
  ExchangeOutcome,
  ExchangeOutcomeFilter,
  ExchangeSummaryView,
} from "@/lib/api/views";
import { Badge, type Tone } from "../ui/badge";

export const kindLabels: Record<ExchangeKind, string> = {
  inbound: "Inbound",
  api_call: "API call",
  webhook_attempt: "Webhook attempt",
};

/** The kind filter's choices: the kinds, and replays of any kind. */
export const kindFilterLabels: Record<ExchangeKindFilter, string> = {
  ...kindLabels,
  replay: "Replay",
};

const kindTones: Record<ExchangeKind, Tone> = {
  inbound: "blue",
  api_call: "neutral",
  webhook_attempt: "violet",
};

export const outcomeLabels: Record<ExchangeOutcomeFilter, string> = {
  success: "Success (2xx)",
  client_error: "Client error (4xx)",
  server_error: "Server error (5xx)",
  failed: "No response",
  timeout: "Timed out",
  refused: "Refused",
  signature_failed: "Signature failed",
};

const outcomeColors: Record<ExchangeOutcome, { text: string; dot: string }> = {
  success: { text: "text-emerald-700", dot: "bg-emerald-500" },
  client_error: { text: "text-amber-700", dot: "bg-amber-500" },
  server_error: { text: "text-rose-700", dot: "bg-rose-500" },
  failed: { text: "text-rose-700", dot: "bg-rose-500" },
  other: { text: "text-slate-700", dot: "bg-slate-400" },
};

type KindFields = Pick<ExchangeSummaryView, "kind" | "attempt">;

/** "Inbound", "API call", "Webhook attempt #2". */
export function describeKind({ kind, attempt }: KindFields): string {
  return kind === "webhook_attempt" && attempt !== null
    ? `${kindLabels[kind]} #${attempt}`
    : kindLabels[kind];
}

export function KindBadge({ kind, attempt }: KindFields) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Badge tone={kindTones[kind]}>{kindLabels[kind]}</Badge>
      {kind === "webhook_attempt" && attempt !== null ? (
        <span className="text-xs tabular-nums text-slate-500">#{attempt}</span>
      ) : null}
    </span>
  );
}

type StatusFields = Pick<ExchangeSummaryView, "outcome" | "responseStatus" | "error">;

/** The response status coloured by outcome, or a dash and the error when nothing came back. */
export function ExchangeStatus({ outcome, responseStatus, error }: StatusFields) {
  const colors = outcomeColors[outcome];

  if (responseStatus === null) {
    return (
      <span className="flex min-w-0 items-center gap-1.5" title={error ?? "No response"}>
        <span aria-hidden className={`h-1.5 w-1.5 shrink-0 rounded-full ${colors.dot}`} />
        <span className="font-mono text-xs text-slate-400">—</span>
        <span className={`truncate text-xs ${colors.text}`}>{error ?? "No response"}</span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${colors.dot}`} />
      <span className={`font-mono text-xs font-semibold ${colors.text}`}>{responseStatus}</span>
    </span>
  );
}

/** A circular arrow beside an exchange that replays an earlier one. */
export function ReplayMark() {
  return (
    <svg
      role="img"
      aria-label="Replay"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="h-3.5 w-3.5 shrink-0 text-slate-400"
    >
      <title>Replay of an earlier exchange</title>
      <path d="M13 8a5 5 0 1 1-1.46-3.54" />
      <path d="M12 2v3H9" />
    </svg>
  );
}
