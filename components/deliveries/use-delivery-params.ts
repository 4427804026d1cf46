"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import {
  exchangeKindFilters,
  exchangeOutcomeFilters,
  type ExchangeFilters,
} from "@/lib/client/exchange-queries";

export type FilterName = keyof ExchangeFilters;

export type FilterChanges = Partial<Record<FilterName | "exchange", string | null>>;

/** Every filter the URL can carry, in the order chips show them. */
export const filterNames: readonly FilterName[] = [
  "q",
  "workflowId",
  "kind",
  "outcome",
  "status",
  "host",
  "from",
  "to",
  "messageId",
  "runId",
];

/** Ids and free text longer than the API accepts are dropped like any other bad value. */
const MAX_ID_LENGTH = 64;
const MAX_TEXT_LENGTH = 200;
const MAX_HOST_LENGTH = 253;

/**
 * The delivery log's state lives in the URL, so a filtered view or an open exchange can be
 * shared as a link: `?workflowId=…&outcome=…&from=<ISO instant>&q=…&exchange=<id>`.
 */
export function useDeliveryParams() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();

  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const selectedId = searchParams.get("exchange");

  // Changes asked for but not yet in the rendered URL: the router applies a replace a moment
  // later, and a second change in that moment must be made on top of the first, not beside it.
  const pending = useRef<FilterChanges>({});
  const hrefWith = (changes: FilterChanges) =>
    withChanges(pathname, searchParams, { ...pending.current, ...changes });
  useEffect(() => {
    for (const [name, value] of Object.entries(pending.current)) {
      if ((searchParams.get(name) ?? null) === (value || null)) {
        delete pending.current[name as keyof FilterChanges];
      }
    }
  }, [searchParams]);

  const noFilters = Object.fromEntries(filterNames.map((name) => [name, null]));

  return {
    filters,
    selectedId,
    hasFilters: Object.keys(filters).length > 0,
    hrefWith,
    clearFiltersHref: hrefWith(noFilters),
    setFilters: (changes: FilterChanges) => {
      const href = hrefWith(changes);
      Object.assign(pending.current, changes);
      router.replace(href, { scroll: false });
    },
    openExchange: (id: string) => router.push(hrefWith({ exchange: id }), { scroll: false }),
    closeExchange: () => router.push(hrefWith({ exchange: null }), { scroll: false }),
  };
}

function withChanges(pathname: string, current: URLSearchParams, changes: FilterChanges): string {
  const next = new URLSearchParams(current.toString());
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const search = next.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** Values a hand-edited URL gets wrong are dropped rather than sent to the API. */
export function parseFilters(searchParams: URLSearchParams): ExchangeFilters {
  const filters: ExchangeFilters = {};
  const text = (name: string, maxLength: number) => {
    const value = searchParams.get(name)?.trim();
    return value && value.length <= maxLength ? value : undefined;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]) =>
    allowed.find((value) => value === searchParams.get(name));

  const workflowId = text("workflowId", MAX_ID_LENGTH);
  const runId = text("runId", MAX_ID_LENGTH);
  const kind = oneOf("kind", exchangeKindFilters);
  const outcome = oneOf("outcome", exchangeOutcomeFilters);
  const status = parseStatus(searchParams.get("status"));
  const host = text("host", MAX_HOST_LENGTH)?.toLowerCase();
  const from = parseInstant(searchParams.get("from"));
  const to = parseInstant(searchParams.get("to"));
  const messageId = text("messageId", MAX_TEXT_LENGTH);
  const q = searchParams.get("q") ?? "";

  if (workflowId) filters.workflowId = workflowId;
  if (runId) filters.runId = runId;
  if (kind) filters.kind = kind;
  if (outcome) filters.outcome = outcome;
  if (status !== undefined) filters.status = status;
  if (host) filters.host = host;
  if (from) filters.from = from;
  if (to && (!from || from < to)) filters.to = to;
  if (messageId) filters.messageId = messageId;
  if (q.trim() && q.length <= MAX_TEXT_LENGTH) filters.q = q;
  return filters;
}

/** An exact response status, 100–599, or undefined for anything else. */
export function parseStatus(text: string | null): number | undefined {
  if (!text || !/^\d{3}$/.test(text.trim())) return undefined;
  const status = Number(text.trim());
  return status >= 100 && status <= 599 ? status : undefined;
}

/** An ISO 8601 instant with a zone, normalised to UTC, or undefined when it does not parse. */
function parseInstant(text: string | null): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
