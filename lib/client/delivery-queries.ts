import { queryOptions } from "@tanstack/react-query";
import type { DeliveryTimelineView } from "../api/views";
import { apiFetch } from "./api-fetch";

/** One delivery with its schedule and every attempt. Key: `["deliveries", id]`. */
export function deliveryTimelineQueryOptions(deliveryId: string) {
  return queryOptions({
    queryKey: ["deliveries", deliveryId] as const,
    queryFn: async () => {
      const path = `/api/deliveries/${encodeURIComponent(deliveryId)}`;
      return (await apiFetch<{ delivery: DeliveryTimelineView }>(path)).delivery;
    },
  });
}
