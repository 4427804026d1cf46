"use client";

import { hashKey, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import type { LiveEvent } from "@/lib/api/views";
import {
  countNewerExchanges,
  exchangeListQueryOptions,
  refreshNewestExchanges,
  showNewestExchanges,
  type ExchangeFilters,
} from "@/lib/client/exchange-queries";
import { useThrottledCallback } from "@/lib/client/use-live-events";

/** Bursts of traffic fold into one refresh, or one count, at most this often. */
const REFRESH_INTERVAL_MS = 150;

/** Within this many pixels of the top, the reader counts as being at the newest rows. */
const TOP_SLACK_PX = 8;

/**
 * Live arrival without moving what the reader is looking at. At the top of the list with only
 * the newest page loaded, new exchanges stream in; scrolled down or paged back, they are only
 * counted (against the filters, by the API) for a "N new" marker, until `showNew` brings them in.
 */
export function useNewExchanges(filters: ExchangeFilters, scroller: RefObject<HTMLElement | null>) {
  const queryClient = useQueryClient();
  const filtersKey = JSON.stringify(filters);
  const [counted, setCounted] = useState({ filtersKey, count: 0 });
  const count = counted.filtersKey === filtersKey ? counted.count : 0;
  // Counts can answer out of order; only the latest one asked for is shown.
  const latestCount = useRef(0);

  function isFollowing(): boolean {
    const cached = queryClient.getQueryData(exchangeListQueryOptions(filters).queryKey);
    const atTop = (scroller.current?.scrollTop ?? 0) <= TOP_SLACK_PX;
    return atTop && (!cached || cached.pages.length <= 1);
  }

  const catchUp = useThrottledCallback(() => {
    if (isFollowing()) {
      setCounted({ filtersKey, count: 0 });
      void refreshNewestExchanges(queryClient, filters);
      return;
    }
    const { queryKey } = exchangeListQueryOptions(filters);
    const newest = queryClient.getQueryData(queryKey)?.pages[0]?.exchanges[0];
    if (!newest) return;
    // Other filter combinations are marked stale; this one is not, so that no refetch (on
    // focus, say) moves the rows the reader is looking at.
    void queryClient.invalidateQueries({
      queryKey: ["exchanges"],
      refetchType: "none",
      predicate: (query) => query.queryHash !== hashKey(queryKey),
    });
    const asked = ++latestCount.current;
    countNewerExchanges(filters, newest).then(
      (newer) => {
        if (asked === latestCount.current) setCounted({ filtersKey, count: newer });
      },
      // A failed count leaves the marker as it was; the next arrival counts again.
      () => undefined,
    );
  }, REFRESH_INTERVAL_MS);

  return {
    count,
    /** Feed every live event through here. */
    onEvent: (event: LiveEvent) => {
      if (event.type !== "exchange.created") return;
      if (filters.workflowId && event.workflowId !== filters.workflowId) return;
      if (filters.runId && event.runId !== filters.runId) return;
      catchUp();
    },
    /** Brings the newest page in alone and returns to the top, following arrivals again. */
    showNew: async () => {
      await showNewestExchanges(queryClient, filters).catch(() => undefined);
      setCounted({ filtersKey, count: 0 });
      scroller.current?.scrollTo({ top: 0 });
    },
  };
}
