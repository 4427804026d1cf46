"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { ExchangeKind } from "@/lib/api/views";
import {
  exchangeKinds,
  exchangeOutcomeFilters,
  type ExchangeFilters,
  type ExchangeOutcomeFilter,
} from "@/lib/client/exchange-queries";

export type FilterName = keyof ExchangeFilters;

/**
 * The delivery log's state lives in the URL, so a filtered view or an open exchange can be
 * shared as a link: `?workflowId=…&kind=…&outcome=…&exchange=<id>`.
 */
export function useDeliveryParams() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();

  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const selectedId = searchParams.get("exchange");

  function hrefWith(changes: Partial<Record<FilterName | "exchange", string | null>>): string {
    const next = new URLSearchParams(searchParams.toString());
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const search = next.toString();
    return search ? `${pathname}?${search}` : pathname;
  }

  return {
    filters,
    selectedId,
    hasFilters: Boolean(filters.workflowId || filters.kind || filters.outcome),
    hrefWith,
    setFilter: (name: FilterName, value: string) =>
      router.replace(hrefWith({ [name]: value || null }), { scroll: false }),
    openExchange: (id: string) => router.push(hrefWith({ exchange: id }), { scroll: false }),
    closeExchange: () => router.push(hrefWith({ exchange: null }), { scroll: false }),
  };
}

/** Unknown values in a hand-edited URL are dropped rather than sent to the API. */
function parseFilters(searchParams: URLSearchParams): ExchangeFilters {
  const filters: ExchangeFilters = {};
  const workflowId = searchParams.get("workflowId");
  const kind = exchangeKinds.find(
    (value): value is ExchangeKind => value === searchParams.get("kind"),
  );
  const outcome = exchangeOutcomeFilters.find(
    (value): value is ExchangeOutcomeFilter => value === searchParams.get("outcome"),
  );
  if (workflowId) filters.workflowId = workflowId;
  if (kind) filters.kind = kind;
  if (outcome) filters.outcome = outcome;
  return filters;
}
