"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ExchangeView } from "@/lib/api/views";
import { ApiError } from "@/lib/client/api-fetch";
import { exchangeQueryOptions } from "@/lib/client/exchange-queries";
import { compareHref } from "./compare-menu";
import { describeKind, ExchangeStatus, KindBadge } from "./exchange-labels";
import { ExchangeDiff } from "./exchange-diff";
import { formatExactTime } from "../ui/format";

/** The compare page: both exchanges named side by side, then how they differ. */
export function ExchangeComparison({ beforeId, afterId }: { beforeId: string; afterId: string }) {
  const before = useQuery({ ...exchangeQueryOptions(beforeId), enabled: beforeId !== "" });
  const after = useQuery({ ...exchangeQueryOptions(afterId), enabled: afterId !== "" });

  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto max-w-5xl space-y-6 px-6 py-6">
        <header className="flex items-start justify-between gap-4">
          <div>
            <h1 className="text-lg font-semibold text-slate-900">Compare exchanges</h1>
            <p className="mt-0.5 text-sm text-slate-500">
              What changed from the earlier exchange to the later one.
            </p>
          </div>
          {before.data && after.data ? (
            <Link
              href={compareHref(afterId, beforeId)}
              className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
            >
              Swap sides
            </Link>
          ) : null}
        </header>
        <div className="grid gap-4 md:grid-cols-2">
          <ExchangeCard side="Before" id={beforeId} query={before} />
          <ExchangeCard side="After" id={afterId} query={after} />
        </div>
        {before.data && after.data ? (
          <ExchangeDiff before={before.data} after={after.data} />
        ) : null}
      </div>
    </div>
  );
}

type CardQuery = { data?: ExchangeView; isError: boolean; error: Error | null };

function ExchangeCard({ side, id, query }: { side: string; id: string; query: CardQuery }) {
  return (
    <section
      aria-label={`${side}: ${query.data ? describeKind(query.data) : "exchange"}`}
      className="min-w-0 space-y-2 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{side}</p>
      {id === "" ? (
        <p className="text-sm text-rose-700">No exchange id in the link.</p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-rose-700">
          {query.error instanceof ApiError && query.error.status === 404
            ? `No exchange ${id}: it may have been removed by retention.`
            : query.error?.message}
        </p>
      ) : !query.data ? (
        <p className="text-sm text-slate-500">Loading exchange…</p>
      ) : (
        <CardBody exchange={query.data} />
      )}
    </section>
  );
}

function CardBody({ exchange }: { exchange: ExchangeView }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <KindBadge kind={exchange.kind} attempt={exchange.attempt} />
        <ExchangeStatus {...exchange} />
      </div>
      <p className="break-all font-mono text-xs text-slate-800">
        <span className="mr-1.5 font-semibold">{exchange.method}</span>
        {exchange.url}
      </p>
      <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
        <time dateTime={exchange.createdAt}>{formatExactTime(exchange.createdAt)}</time>
        <Link
          href={`/deliveries?exchange=${encodeURIComponent(exchange.id)}`}
          className="font-medium text-indigo-600 hover:text-indigo-500"
        >
          Open in the log
        </Link>
      </p>
    </>
  );
}
