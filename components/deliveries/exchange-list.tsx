"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { exchangeListQueryOptions, type ExchangeFilters } from "@/lib/client/exchange-queries";
import { Button } from "../ui/button";
import { ExchangeTable } from "./exchange-table";

type ExchangeListProps = {
  filters: ExchangeFilters;
  selectedId: string | null;
  clearFiltersHref: string | null;
  hrefFor: (exchangeId: string) => string;
  onOpen: (exchangeId: string) => void;
};

/** The log for the current filters: loading, failure and empty states, and paging back in time. */
export function ExchangeList({ filters, clearFiltersHref, ...tableProps }: ExchangeListProps) {
  const query = useInfiniteQuery(exchangeListQueryOptions(filters));

  if (query.isPending) return <LoadingRows />;
  if (query.isError) {
    return (
      <Notice title="The delivery log could not be loaded">
        <p>{query.error.message}</p>
        <Button className="mt-3" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  }

  const exchanges = query.data.pages.flatMap((page) => page.exchanges);
  const search = query.data.pages.at(-1)?.search ?? null;
  const searchNotice = search?.limitReached ? (
    <SearchLimitNotice scanLimit={search.scanLimit} />
  ) : null;
  if (exchanges.length === 0 && !query.hasNextPage) {
    return clearFiltersHref ? (
      <Notice title="No exchanges match these filters">
        <Link
          href={clearFiltersHref}
          scroll={false}
          className="font-medium text-indigo-600 hover:text-indigo-500"
        >
          Clear filters
        </Link>
      </Notice>
    ) : (
      <Notice>
        No exchanges yet — POST to a workflow&apos;s inbound URL and it shows up here live.
      </Notice>
    );
  }

  return (
    <>
      {searchNotice}
      {exchanges.length > 0 ? <ExchangeTable exchanges={exchanges} {...tableProps} /> : null}
      <div className="flex justify-center px-6 py-5">
        {query.hasNextPage ? (
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load older"}
          </Button>
        ) : (
          <p className="text-xs text-slate-400">That is the oldest exchange on record.</p>
        )}
      </div>
    </>
  );
}

function SearchLimitNotice({ scanLimit }: { scanLimit: number }) {
  return (
    <p
      role="status"
      className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900"
    >
      Only the newest {scanLimit.toLocaleString("en")} matching exchanges were searched. Narrow the
      time range to search older ones.
    </p>
  );
}

function Notice({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-16 max-w-md px-6 text-center">
      <div
        aria-hidden
        className="mx-auto mb-4 flex h-10 w-10 items-center justify-center rounded-full bg-indigo-50 text-indigo-500"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
          <path d="M3 10a1 1 0 0 1 1-1h9.59l-2.3-2.29a1 1 0 1 1 1.42-1.42l4 4a1 1 0 0 1 0 1.42l-4 4a1 1 0 0 1-1.42-1.42L13.6 11H4a1 1 0 0 1-1-1Z" />
        </svg>
      </div>
      {title ? <h2 className="text-sm font-semibold text-slate-900">{title}</h2> : null}
      <div className={title ? "mt-1 text-sm text-slate-500" : "text-sm text-slate-600"}>
        {children}
      </div>
    </div>
  );
}

function LoadingRows() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading exchanges"
      className="divide-y divide-slate-100 bg-white"
    >
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-6 py-3">
          <div className="h-4 w-24 animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-10 animate-pulse rounded bg-slate-100" />
          <div className="h-4 flex-1 animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-16 animate-pulse rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
