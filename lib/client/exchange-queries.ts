import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type {
  ExchangeKindFilter,
  ExchangeOutcomeFilter,
  ExchangePage,
  ExchangeSummaryView,
  ExchangeView,
} from "../api/views";
import { apiFetch } from "./api-fetch";

export type { ExchangeKindFilter, ExchangeOutcomeFilter };

/** The kinds the list can be filtered by; `replay` is any exchange that repeats another. */
export const exchangeKindFilters: readonly ExchangeKindFilter[] = [
  "inbound",
  "api_call",
  "webhook_attempt",
  "replay",
];

/** The outcomes the list can be filtered by; `other` (1xx/3xx answers) has no filter. */
export const exchangeOutcomeFilters: readonly ExchangeOutcomeFilter[] = [
  "success",
  "client_error",
  "server_error",
  "failed",
  "timeout",
  "refused",
  "signature_failed",
];

/** What the log can be narrowed by; `from` and `to` are ISO 8601 instants. */
export type ExchangeFilters = {
  workflowId?: string;
  runId?: string;
  kind?: ExchangeKindFilter;
  outcome?: ExchangeOutcomeFilter;
  status?: number;
  host?: string;
  from?: string;
  to?: string;
  messageId?: string;
  q?: string;
};

const PAGE_SIZE = 50;

/**
 * The delivery log for one set of filters, newest first, one page of 50 per `cursor`.
 * Key: `["exchanges", filters]`, so invalidating `["exchanges"]` covers every filter.
 */
export function exchangeListQueryOptions(filters: ExchangeFilters) {
  return infiniteQueryOptions({
    queryKey: ["exchanges", filters] as const,
    queryFn: ({ pageParam }) => fetchExchangePage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** One exchange with headers and bodies. Key: `["exchange", id]`. */
export function exchangeQueryOptions(exchangeId: string) {
  return queryOptions({
    queryKey: ["exchange", exchangeId] as const,
    queryFn: async () => {
      const path = `/api/exchanges/${encodeURIComponent(exchangeId)}`;
      return (await apiFetch<{ exchange: ExchangeView }>(path)).exchange;
    },
    // An exchange is recorded once, complete, and never changes afterwards.
    staleTime: Infinity,
  });
}

/**
 * Brings the newest exchanges into the cached log for `filters` after `exchange.created`.
 * Refetching an infinite query refetches every loaded page in turn, which gets expensive once
 * someone has paged far back, so only the first page is fetched and its unseen rows are
 * prepended. Other cached filter combinations are only marked stale.
 */
export async function refreshNewestExchanges(
  queryClient: QueryClient,
  filters: ExchangeFilters,
): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ["exchanges"], refetchType: "none" });

  const { queryKey } = exchangeListQueryOptions(filters);
  const cached = queryClient.getQueryData(queryKey);
  if (!cached || cached.pages.length <= 1) {
    await queryClient.invalidateQueries({ queryKey, exact: true });
    return;
  }

  // A failed refresh leaves the list as it was; the next event or a reconnect catches up.
  const newest = await fetchExchangePage(filters, null).catch(() => null);
  if (!newest) return;
  queryClient.setQueryData(queryKey, (current) => current && mergeNewestPage(current, newest));
}

function mergeNewestPage(
  current: InfiniteData<ExchangePage, unknown>,
  newest: ExchangePage,
): InfiniteData<ExchangePage, unknown> {
  const knownIds = new Set(current.pages.flatMap((page) => page.exchanges.map(({ id }) => id)));
  const unseen = newest.exchanges.filter(({ id }) => !knownIds.has(id));
  const [firstPage, ...olderPages] = current.pages;

  // Nothing in common: more arrived than one page holds, so the loaded pages would leave a
  // gap. Start over from the newest page instead.
  if (!firstPage || unseen.length === newest.exchanges.length) {
    return { pages: [newest], pageParams: [null] };
  }
  const merged = { ...firstPage, exchanges: [...unseen, ...firstPage.exchanges] };
  return { pages: [merged, ...olderPages], pageParams: current.pageParams };
}

/** The most new exchanges {@link countNewerExchanges} counts; beyond it the log says "50+". */
export const NEW_EXCHANGES_CAP = 50;

/**
 * How many exchanges matching `filters` are newer than `newest`, the top row on screen, counted
 * from a fresh first page so that only arrivals the filters let through count; at most
 * `NEW_EXCHANGES_CAP + 1`, which stands for "more than the cap".
 */
export async function countNewerExchanges(
  filters: ExchangeFilters,
  newest: Pick<ExchangeSummaryView, "id" | "createdAt">,
): Promise<number> {
  const page = await fetchExchangePage(filters, null, NEW_EXCHANGES_CAP + 1);
  const newestAt = Date.parse(newest.createdAt);
  return page.exchanges.filter(({ id, createdAt }) => {
    const at = Date.parse(createdAt);
    return at > newestAt || (at === newestAt && id > newest.id);
  }).length;
}

/**
 * Replaces the cached log for `filters` with its newest page alone, as a fresh visit would
 * show it; the older pages load again on demand.
 */
export async function showNewestExchanges(
  queryClient: QueryClient,
  filters: ExchangeFilters,
): Promise<void> {
  const newest = await fetchExchangePage(filters, null);
  const { queryKey } = exchangeListQueryOptions(filters);
  queryClient.setQueryData(queryKey, { pages: [newest], pageParams: [null] });
}

function fetchExchangePage(
  filters: ExchangeFilters,
  cursor: string | null,
  limit = PAGE_SIZE,
): Promise<ExchangePage> {
  const search = new URLSearchParams({ limit: String(limit) });
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  if (cursor) search.set("cursor", cursor);
  return apiFetch<ExchangePage>(`/api/exchanges?${search.toString()}`);
}
