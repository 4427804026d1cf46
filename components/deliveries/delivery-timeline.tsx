"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { DeliveryTimelineView, ExchangeSummaryView, ExchangeView } from "@/lib/api/views";
import { deliveryTimelineQueryOptions } from "@/lib/client/delivery-queries";
import { useLiveEvents, useThrottledCallback } from "@/lib/client/use-live-events";
import { formatDuration, formatExactTime } from "../ui/format";
import { useNow } from "../ui/relative-time";
import { ExchangeStatus } from "./exchange-labels";

type DeliveryTimelineProps = {
  exchange: ExchangeView;
  /** Where the log shows another exchange in the inspector. */
  hrefFor: (exchangeId: string) => string;
};

/** Live events about the delivery fold into one refetch at most this often. */
const REFETCH_INTERVAL_MS = 500;

const clockTime = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * Every attempt of the delivery a webhook attempt belongs to, as a vertical timeline: when each
 * was made, what came back and how long it took, then the next attempt with the rest of the
 * schedule, or how the delivery ended. Renders nothing for other exchanges.
 */
export function DeliveryTimeline({ exchange, hrefFor }: DeliveryTimelineProps) {
  if (exchange.kind !== "webhook_attempt" || !exchange.deliveryId) return null;
  return (
    <TimelineSection deliveryId={exchange.deliveryId} openId={exchange.id} hrefFor={hrefFor} />
  );
}

function TimelineSection({
  deliveryId,
  openId,
  hrefFor,
}: {
  deliveryId: string;
  openId: string;
  hrefFor: (exchangeId: string) => string;
}) {
  const query = useQuery(deliveryTimelineQueryOptions(deliveryId));
  useLiveTimeline(deliveryId, query.data?.runId ?? null);

  return (
    <section aria-label="Delivery timeline" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">Delivery</h3>
        {query.data ? (
          <span className="truncate font-mono text-xs text-slate-500" title="Message id">
            {query.data.messageId}
          </span>
        ) : null}
      </div>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading the delivery…</p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-rose-700">
          {query.error.message}
        </p>
      ) : (
        <ol className="relative ml-1.5 space-y-3 border-l border-slate-200 pl-5">
          {query.data.attempts.map((attempt) => (
            <AttemptItem
              key={attempt.id}
              attempt={attempt}
              isOpen={attempt.id === openId}
              href={hrefFor(attempt.id)}
            />
          ))}
          <NextStep delivery={query.data} />
        </ol>
      )}
    </section>
  );
}

/**
 * Refetches the delivery when one of its attempts is recorded or its state changes. The events
 * carry ids only: a new attempt names its run, a state change the delivery.
 */
function useLiveTimeline(deliveryId: string, runId: string | null) {
  const queryClient = useQueryClient();
  const refetch = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ["deliveries", deliveryId] });
  }, REFETCH_INTERVAL_MS);

  useLiveEvents(
    (event) => {
      if (event.type === "delivery.updated" && event.id === deliveryId) refetch();
      if (event.type === "exchange.created" && runId !== null && event.runId === runId) refetch();
    },
    { onReconnect: refetch },
  );
}

function AttemptItem({
  attempt,
  isOpen,
  href,
}: {
  attempt: ExchangeSummaryView;
  isOpen: boolean;
  href: string;
}) {
  const dot =
    attempt.outcome === "success"
      ? "bg-emerald-500 ring-emerald-100"
      : attempt.outcome === "client_error"
        ? "bg-amber-500 ring-amber-100"
        : "bg-rose-500 ring-rose-100";

  return (
    <li className="relative">
      <span
        aria-hidden
        className={`absolute -left-[1.6rem] top-2.5 h-2.5 w-2.5 rounded-full ring-4 ${dot}`}
      />
      <Link
        href={href}
        scroll={false}
        aria-current={isOpen ? "true" : undefined}
        aria-label={`Attempt ${attempt.attempt ?? "?"}, ${describeAnswer(attempt)}`}
        className={`-ml-2 flex items-center gap-3 rounded-md px-2 py-1 text-sm ${
          isOpen ? "bg-indigo-50 ring-1 ring-inset ring-indigo-200" : "hover:bg-slate-50"
        }`}
      >
        <span className="w-20 shrink-0 whitespace-nowrap font-medium text-slate-900">
          Attempt {attempt.attempt ?? "?"}
        </span>
        <time
          dateTime={attempt.createdAt}
          title={formatExactTime(attempt.createdAt)}
          className="shrink-0 tabular-nums text-xs text-slate-500"
        >
          {clockTime.format(new Date(attempt.createdAt))}
        </time>
        <span className="min-w-0 flex-1">
          <ExchangeStatus {...attempt} />
        </span>
        <span className="shrink-0 tabular-nums text-xs text-slate-500">
          {formatDuration(attempt.durationMs)}
        </span>
        {isOpen ? (
          <span className="shrink-0 text-xs font-medium text-indigo-700">Viewing</span>
        ) : null}
      </Link>
    </li>
  );
}

function describeAnswer(attempt: ExchangeSummaryView): string {
  return attempt.responseStatus === null
    ? (attempt.error ?? "no response")
    : `answered ${attempt.responseStatus}`;
}

/** The planned next attempt and what follows it, or how the delivery ended. */
function NextStep({ delivery }: { delivery: DeliveryTimelineView }) {
  const now = useNow();
  const made = delivery.attemptsMade;
  const attemptsWord = made === 1 ? "attempt" : "attempts";

  if (delivery.status === "pending") {
    const remaining = delivery.remainingDelaysMs.map(formatDelay).join(", ");
    return (
      <li className="relative text-sm">
        <span
          aria-hidden
          className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-indigo-400 bg-white"
        />
        <p className="text-slate-900">
          <span className="font-medium">Next: attempt {made + 1}</span>{" "}
          {delivery.nextAttemptAt ? (
            <time
              dateTime={delivery.nextAttemptAt}
              title={formatExactTime(delivery.nextAttemptAt)}
              className="text-indigo-700"
            >
              {formatTimeUntil(delivery.nextAttemptAt, now)}
            </time>
          ) : (
            <span className="text-slate-500">is being made</span>
          )}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {remaining
            ? `If it fails, then after ${remaining}${delivery.isOwnSchedule ? " (the node's schedule)" : ""}.`
            : "The last attempt the schedule allows."}
        </p>
      </li>
    );
  }

  const ending =
    delivery.ending === "delivered"
      ? { tone: "text-emerald-700", text: `Delivered after ${made} ${attemptsWord}` }
      : delivery.ending === "endpoint_disabled"
        ? { tone: "text-rose-700", text: "Ended: the endpoint was disabled" }
        : { tone: "text-rose-700", text: `Failed after ${made} ${attemptsWord}` };
  return (
    <li className="relative text-sm">
      <span
        aria-hidden
        className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ${
          delivery.ending === "delivered" ? "bg-emerald-600" : "bg-slate-700"
        }`}
      />
      <p className={`font-medium ${ending.tone}`}>{ending.text}</p>
      {delivery.ending !== "delivered" && delivery.lastError ? (
        <p className="mt-0.5 break-words text-xs text-slate-500">{delivery.lastError}</p>
      ) : null}
    </li>
  );
}

/** "in 40 s", "in 4 min", "in 2 h", "in 3 days"; "due now" once the time has come. */
function formatTimeUntil(iso: string, nowMs: number): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1_000);
  if (seconds <= 0) return "due now";
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3_600) return `in ${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `in ${Math.round(seconds / 3_600)} h`;
  const days = Math.round(seconds / 86_400);
  return `in ${days} ${days === 1 ? "day" : "days"}`;
}

/** A schedule delay as people write it: "300 ms", "5 s", "5 min", "2 h", "1 d". */
function formatDelay(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1_000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}
