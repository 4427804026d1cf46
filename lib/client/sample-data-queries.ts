import { queryOptions } from "@tanstack/react-query";
import type { SampleDataView } from "@/lib/workflows/read-sample-data";
import { apiFetch } from "./api-fetch";
import { workflowQueries } from "./workflow-queries";

/**
 * The query of a workflow's sample data: its captured test event and last run's step outputs.
 * The key nests under the workflow's runs, so the live run updates that refresh the run list
 * refresh it too; `capturedAt` (the receive time of the capture the caller knows of) is part of
 * the key, so a new capture fetches it again.
 *
 * @example
 * const { data } = useQuery(sampleDataQuery(workflowId, testEvent?.event?.receivedAt ?? null));
 */
export function sampleDataQuery(workflowId: string, capturedAt: string | null) {
  return queryOptions({
    queryKey: [...workflowQueries.runs(workflowId).queryKey, "sample-data", capturedAt] as const,
    queryFn: async () =>
      (
        await apiFetch<{ sampleData: SampleDataView }>(
          `/api/workflows/${encodeURIComponent(workflowId)}/sample-data`,
        )
      ).sampleData,
  });
}
