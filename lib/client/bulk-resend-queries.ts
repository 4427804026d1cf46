import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResendFilter } from "../deliveries/resend-failed-deliveries";
import { apiFetch } from "./api-fetch";

/** Which failed deliveries a bulk resend takes; every field narrows, none means all. */
export type BulkResendFilter = ResendFilter;

/** How many failed deliveries match, counted up to the most one resend takes (1,000). */
export type BulkResendCount = { matched: number; hasMore: boolean };

export type BulkResendResult = { resent: number; hasMore: boolean };

const RESEND_PATH = "/api/deliveries/resend";

/** Key prefix of the dry-run counts; `["bulk-resend"]` covers every filter. */
export const bulkResendKeys = {
  all: ["bulk-resend"] as const,
  count: (filter: BulkResendFilter) => ["bulk-resend", "count", filter] as const,
};

/**
 * The dry run of a bulk resend: how many failed deliveries `filter` matches now. Editors and
 * admins only; viewers get `ApiError` `forbidden`.
 *
 * @example
 * const count = useQuery(bulkResendCountQueryOptions({ workflowId }));
 */
export function bulkResendCountQueryOptions(filter: BulkResendFilter) {
  return queryOptions({
    queryKey: bulkResendKeys.count(filter),
    queryFn: () => apiFetch<BulkResendCount>(`${RESEND_PATH}?${searchOf(filter)}`),
    // A count is the figure of one moment: every look at it counts afresh.
    staleTime: 0,
  });
}

/**
 * Resends the failed deliveries `filter` matches, the oldest 1,000 at most. Rejects with
 * `ApiError` `forbidden` for viewers and `validation_failed` (with `details.issues`) for a
 * malformed filter. The new attempts arrive in the log as live events.
 */
export function useResendFailedDeliveries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: BulkResendFilter) =>
      apiFetch<BulkResendResult>(RESEND_PATH, { method: "POST", body: filter }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bulkResendKeys.all }),
        queryClient.invalidateQueries({ queryKey: ["runs"] }),
      ]),
  });
}

function searchOf(filter: BulkResendFilter): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value) search.set(name, value);
  }
  return search.toString();
}
