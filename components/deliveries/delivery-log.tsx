"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { useLiveEvents } from "@/lib/client/use-live-events";
import { BulkResendAction } from "./bulk-resend-action";
import { DeliveryFilters } from "./delivery-filters";
import { ExchangeInspector } from "./exchange-inspector";
import { ExchangeList } from "./exchange-list";
import { LiveIndicator } from "../ui/live-indicator";
import { NewExchangesMarker } from "./new-exchanges-marker";
import { useDeliveryParams } from "./use-delivery-params";
import { useNewExchanges } from "./use-new-exchanges";

/** The live delivery log: filters, the list of exchanges, and the inspector for one of them. */
export function DeliveryLog() {
  const params = useDeliveryParams();
  const { filters, selectedId } = params;
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const scroller = useRef<HTMLDivElement>(null);
  const newExchanges = useNewExchanges(filters, scroller);

  const connection = useLiveEvents(newExchanges.onEvent, {
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: ["exchanges"] }),
  });

  const hrefForExchange = (exchangeId: string) => params.hrefWith({ exchange: exchangeId });
  const clearFiltersHref = params.hasFilters ? params.clearFiltersHref : null;

  return (
    <div className="flex h-full min-h-0">
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="shrink-0 border-b border-slate-200 bg-white px-6 pb-4 pt-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h1 className="text-lg font-semibold text-slate-900">Delivery log</h1>
              <p className="mt-0.5 text-sm text-slate-500">
                Every HTTP exchange Switchyard receives or sends, newest first.
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-3">
              {canEdit ? <BulkResendAction workflowId={filters.workflowId} /> : null}
              <LiveIndicator connection={connection} />
            </div>
          </div>
          <div className="mt-4">
            <DeliveryFilters
              filters={filters}
              clearHref={clearFiltersHref}
              onChange={params.setFilters}
            />
          </div>
        </header>
        <div className="relative min-h-0 flex-1">
          {newExchanges.count > 0 ? (
            <NewExchangesMarker count={newExchanges.count} onShow={newExchanges.showNew} />
          ) : null}
          <div ref={scroller} className="h-full overflow-y-auto">
            <ExchangeList
              filters={filters}
              selectedId={selectedId}
              clearFiltersHref={clearFiltersHref}
              hrefFor={hrefForExchange}
              onOpen={params.openExchange}
            />
          </div>
        </div>
      </div>
      {selectedId ? (
        <ExchangeInspector
          key={selectedId}
          exchangeId={selectedId}
          closeHref={params.hrefWith({ exchange: null })}
          onClose={params.closeExchange}
          hrefFor={hrefForExchange}
        />
      ) : null}
    </div>
  );
}
