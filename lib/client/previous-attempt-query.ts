import { queryOptions } from "@tanstack/react-query";
import type { ExchangePage, ExchangeSummaryView, ExchangeView } from "../api/views";
import { apiFetch } from "./api-fetch";

/** The most exchanges of one run looked through for an earlier attempt. */
const RUN_EXCHANGES_SEARCHED = 200;

/**
 * The attempt before `exchange`: the same delivery's attempt one lower for a webhook attempt,
 * or, for a retried API call, the run's API call to the same method and URL one attempt
 * lower. Null for a first attempt and when none is found among the run's newest 200
 * exchanges. Key: `["exchange", id, "previous-attempt"]`.
 */
export function previousAttemptQueryOptions(exchange: ExchangeView) {
  return queryOptions({
    queryKey: ["exchange", exchange.id, "previous-attempt"] as const,
    enabled: exchange.runId !== null && (exchange.attempt ?? 0) > 1,
    queryFn: async (): Promise<ExchangeSummaryView | null> => {
      const search = new URLSearchParams({
        runId: exchange.runId ?? "",
        kind: exchange.kind,
        limit: String(RUN_EXCHANGES_SEARCHED),
      });
      const page = await apiFetch<ExchangePage>(`/api/exchanges?${search.toString()}`);
      return page.exchanges.find((candidate) => isAttemptBefore(candidate, exchange)) ?? null;
    },
    // Earlier attempts are recorded once and never change.
    staleTime: Infinity,
  });
}

function isAttemptBefore(candidate: ExchangeSummaryView, exchange: ExchangeView): boolean {
  if (candidate.attempt === null || candidate.attempt !== (exchange.attempt ?? 0) - 1) {
    return false;
  }
  if (exchange.deliveryId !== null) return candidate.deliveryId === exchange.deliveryId;
  return candidate.method === exchange.method && candidate.url === exchange.url;
}
