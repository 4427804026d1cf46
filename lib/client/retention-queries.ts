import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RetentionView } from "../api/views";
import type { RetentionPolicy } from "../retention/retention-policy";
import { adminKeys } from "./admin-queries";
import { apiFetch } from "./api-fetch";

/** The retention settings and the last prune's figures. Admins only. */
export function retentionQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.retention,
    queryFn: () => apiFetch<RetentionView>("/api/admin/retention"),
  });
}

/**
 * Stores a retention policy. Rejects with `ApiError` `validation_failed` (with
 * `details.issues`) when a window is out of bounds or metadata would go before bodies.
 */
export function useUpdateRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: RetentionPolicy) =>
      apiFetch<RetentionView>("/api/admin/retention", { method: "PUT", body: policy }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.retention }),
  });
}

/**
 * Runs a prune now and resolves with its figures. Rejects with `ApiError` `conflict` while
 * another prune runs. Exchange counts on the dashboard change with it, so every admin query is
 * refreshed.
 */
export function usePruneNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<RetentionView>("/api/admin/retention/prune", { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
