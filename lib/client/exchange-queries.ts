import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type { ExchangeKind, ExchangeOutcome, ExchangePage, ExchangeView } from "../api/views";
import { apiFetch } from "./api-fetch";

export const exchangeKinds: readonly ExchangeKind[] = ["inbound", "api_call", "webhook_attempt"];

/** The outcomes the list can be filtered by; `other` (1xx/3xx answers) has no filter. */
export type ExchangeOutcomeFilter = Exclude<ExchangeOutcome, "other">;
export const exchangeOutcomeFilters: readonly ExchangeOutcomeFilter[] = [
  "success",
  "client_error",
  "server_error",
  "failed",
];

export type ExchangeFilters = {
  workflowId?: string;
  kind?: ExchangeKind;
  outcome?: ExchangeOutcomeFilter;
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

function fetchExchangePage(filters: ExchangeFilters, cursor: string | null): Promise<ExchangePage> {
  const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.workflowId) search.set("workflowId", filters.workflowId);
  if (filters.kind) search.set("kind", filters.kind);
  if (filters.outcome) search.set("outcome", filters.outcome);
  if (cursor) search.set("cursor", cursor);
  return apiFetch<ExchangePage>(`/api/exchanges?${search.toString()}`);
}
