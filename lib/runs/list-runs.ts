import type { RunSummaryView } from "../api/views";
import { getDb } from "../db/client";
import { runSummaryInclude, toRunSummaryView } from "./run-views";

/** The workspace's newest runs, optionally of one workflow. */
export async function listRuns(
  workspaceId: string,
  filter: { workflowId?: string; limit: number },
): Promise<RunSummaryView[]> {
  const runs = await getDb().run.findMany({
    where: { workspaceId, ...(filter.workflowId ? { workflowId: filter.workflowId } : {}) },
    orderBy: { createdAt: "desc" },
    take: filter.limit,
    include: runSummaryInclude,
  });
  return runs.map(toRunSummaryView);
}
