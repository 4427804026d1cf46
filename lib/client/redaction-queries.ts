import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { RedactionView } from "../api/views";
import type { RedactionSettingsInput } from "../redaction/redaction-settings";
import { adminKeys } from "./admin-queries";
import { apiFetch } from "./api-fetch";

/** The redaction settings with their bounds and the built-in rules. Admins only. */
export function redactionQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.redaction,
    queryFn: () => apiFetch<RedactionView>("/api/admin/redaction"),
  });
}

/**
 * Stores redaction settings. Rejects with `ApiError` `redaction_path_invalid` (with
 * `details.path`) for a path outside the syntax, and `validation_failed` (with
 * `details.issues`) for a bad header name or a cap out of bounds.
 */
export function useUpdateRedaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: RedactionSettingsInput) =>
      apiFetch<RedactionView>("/api/admin/redaction", { method: "PUT", body: settings }),
    onSuccess: (view) => queryClient.setQueryData(adminKeys.redaction, view),
  });
}
