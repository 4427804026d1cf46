import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  WorkflowVersionSummaryView,
  WorkflowVersionView,
  WorkflowView,
} from "@/lib/api/views";
import { apiFetch } from "./api-fetch";
import { workflowQueries } from "./workflow-queries";

/**
 * Query keys and fetchers of a workflow's version history. Keys nest under the workflow's
 * detail key, so whatever refreshes the workflow (a publish, a restore) refreshes the list.
 *
 * @example
 * const { data: versions } = useQuery(versionQueries.list(workflowId));
 */
export const versionQueries = {
  list: (workflowId: string) =>
    queryOptions({
      queryKey: [...workflowQueries.detail(workflowId).queryKey, "versions"] as const,
      queryFn: async () =>
        (await apiFetch<{ versions: WorkflowVersionSummaryView[] }>(`${versionsPath(workflowId)}`))
          .versions,
    }),

  /** A version never changes once published, so its graph is fetched once. */
  detail: (workflowId: string, number: number) =>
    queryOptions({
      queryKey: [...versionQueries.list(workflowId).queryKey, number] as const,
      queryFn: async () =>
        (await apiFetch<{ version: WorkflowVersionView }>(`${versionsPath(workflowId)}/${number}`))
          .version,
      staleTime: Infinity,
    }),
};

function versionsPath(workflowId: string): string {
  return `/api/workflows/${encodeURIComponent(workflowId)}/versions`;
}

/**
 * Copies a version's graph into the draft; resolves with the workflow as it is now. Nothing is
 * published. Viewers are refused with an `ApiError` whose code is "forbidden".
 */
export function useRestoreVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId, number }: { workflowId: string; number: number }) =>
      (
        await apiFetch<{ workflow: WorkflowView }>(
          `${versionsPath(workflowId)}/${number}/restore`,
          { method: "POST" },
        )
      ).workflow,
    onSuccess: async (workflow) => {
      queryClient.setQueryData(workflowQueries.detail(workflow.id).queryKey, workflow);
      await queryClient.invalidateQueries({ queryKey: workflowQueries.all() });
    },
  });
}
