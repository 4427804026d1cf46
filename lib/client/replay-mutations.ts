import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EndpointView, ReplayResultView } from "../api/views";
import { adminKeys } from "./admin-queries";
import { apiFetch } from "./api-fetch";

/**
 * Sends a finished delivery again now, under its message id. Rejects with `ApiError`
 * `forbidden` for viewers and `conflict` while the delivery is pending or its endpoint is
 * disabled. The new attempt arrives in the log as a live event; the run page is refetched.
 */
export function useResendDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiFetch<{ delivery: { id: string; status: "pending" } }>(
        `/api/deliveries/${encodeURIComponent(deliveryId)}/resend`,
        { method: "POST" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["runs"] }),
  });
}

export type RerunInput = { runId: string; version: "pinned" | "current" };

/** Starts a new run with an earlier run's trigger data; resolves with the new run's id. */
export function useRerun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ runId, version }: RerunInput) => {
      const path = `/api/runs/${encodeURIComponent(runId)}/rerun`;
      return (await apiFetch<{ runId: string }>(path, { method: "POST", body: { version } })).runId;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["runs"] }),
  });
}

/** Lets deliveries go to a disabled endpoint again, with its failing streak reset. */
export function useEnableEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (endpointId: string) => {
      const path = `/api/endpoints/${encodeURIComponent(endpointId)}/enable`;
      return (await apiFetch<{ endpoint: EndpointView }>(path, { method: "POST" })).endpoint;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.stats }),
  });
}

/** The edits a replay sends; a missing field keeps the original's. */
export type ReplayEditsInput = {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: string;
};

/**
 * Sends an exchange again with edits; resolves with the new exchange's id (and the run it
 * started, for an inbound exchange). Rejects with `ApiError` `redacted_header` when a header
 * still holds a value the log redacted, `validation_failed` for edits that are not valid, and
 * `forbidden` for viewers. The log's lists are refreshed.
 */
export function useReplayExchange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ exchangeId, edits }: { exchangeId: string; edits: ReplayEditsInput }) =>
      apiFetch<ReplayResultView>(`/api/exchanges/${encodeURIComponent(exchangeId)}/replay`, {
        method: "POST",
        body: edits,
      }),
    onSuccess: (_result, { exchangeId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["exchanges"] }),
        queryClient.invalidateQueries({ queryKey: ["exchange", exchangeId] }),
      ]),
  });
}
