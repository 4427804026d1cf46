import { queryOptions } from "@tanstack/react-query";
import type { RunSummaryView, RunView } from "../api/views";
import { apiFetch } from "./api-fetch";
import { workflowQueries } from "./workflow-queries";

/**
 * A workflow's newest run with its steps, or null before its first run. Single steps tried
 * from the editor are left out: they would leave every other node without a status. The key
 * nests under the workflow's runs, so whatever refreshes the recent runs (a run started from the
 * editor, a live `run.updated`) refreshes this too.
 *
 * @example
 * const { data: run } = useQuery(latestRunQueryOptions(workflowId));
 */
export function latestRunQueryOptions(workflowId: string) {
  return queryOptions({
    queryKey: [...workflowQueries.runs(workflowId).queryKey, "latest"] as const,
    queryFn: async (): Promise<RunView | null> => {
      const search = new URLSearchParams({ workflowId, limit: "1", stepTests: "exclude" });
      const { runs } = await apiFetch<{ runs: RunSummaryView[] }>(`/api/runs?${search}`);
      const latest = runs[0];
      if (latest === undefined) return null;
      const path = `/api/runs/${encodeURIComponent(latest.id)}`;
      return (await apiFetch<{ run: RunView }>(path)).run;
    },
  });
}
