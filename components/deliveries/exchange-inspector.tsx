"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { exchangeQueryOptions } from "@/lib/client/exchange-queries";
import { ExchangeDetails } from "./exchange-details";

type ExchangeInspectorProps = {
  exchangeId: string;
  closeHref: string;
  onClose: () => void;
  /** Where the log shows another exchange, for the links between replays. */
  hrefFor: (exchangeId: string) => string;
};

/** The right-hand panel for the exchange named in the URL. Escape closes it. */
export function ExchangeInspector({
  exchangeId,
  closeHref,
  onClose,
  hrefFor,
}: ExchangeInspectorProps) {
  const query = useQuery(exchangeQueryOptions(exchangeId));

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  return (
    <section
      aria-label="Exchange details"
      className="flex w-[40rem] max-w-[55%] shrink-0 flex-col border-l border-slate-200 bg-white"
    >
      <div className="flex h-11 shrink-0 items-center justify-between border-b border-slate-200 px-5">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Exchange</span>
        <Link
          href={closeHref}
          scroll={false}
          aria-label="Close details"
          className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
            <path d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L8.94 10l-4.72 4.72a.75.75 0 1 0 1.06 1.06L10 11.06l4.72 4.72a.75.75 0 1 0 1.06-1.06L11.06 10l4.72-4.72a.75.75 0 0 0-1.06-1.06L10 8.94 5.28 4.22Z" />
          </svg>
        </Link>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {query.isPending ? (
          <p className="px-5 py-6 text-sm text-slate-500">Loading exchange…</p>
        ) : query.isError ? (
          <p role="alert" className="px-5 py-6 text-sm text-rose-700">
            {isNotFound(query.error)
              ? "This exchange no longer exists. It may have been removed by retention."
              : query.error.message}
          </p>
        ) : (
          <ExchangeDetails exchange={query.data} hrefFor={hrefFor} />
        )}
      </div>
    </section>
  );
}

function isNotFound(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}
