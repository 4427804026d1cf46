import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { WorkflowView } from "@/lib/api/views";
import { apiFetch } from "./api-fetch";
import { workflowQueries } from "./workflow-queries";

/** Where the browser downloads a workflow's export document from, as a file. */
export function workflowExportPath(workflowId: string): string {
  return `/api/workflows/${encodeURIComponent(workflowId)}/export`;
}

/**
 * Imports an exported workflow document; resolves with the new workflow so the caller can open
 * it. A document the server cannot read rejects with an `ApiError` whose code is
 * "import_invalid" and whose details hold `{ reason, issues }`.
 */
export function useImportWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ document }: { document: unknown }) =>
      (
        await apiFetch<{ workflow: WorkflowView }>("/api/workflows/import", {
          method: "POST",
          body: document,
        })
      ).workflow,
    onSuccess: async (workflow) => {
      queryClient.setQueryData(workflowQueries.detail(workflow.id).queryKey, workflow);
      await queryClient.invalidateQueries({ queryKey: workflowQueries.all() });
    },
  });
}
