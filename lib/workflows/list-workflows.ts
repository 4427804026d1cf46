import type { RunStatus, WorkflowSummaryView } from "../api/views";
import { getDb } from "../db/client";
import { validateGraph } from "../workflow/validate-graph";
import { parseStoredGraph } from "./stored-graph";

/** The workspace's workflows, most recently changed first, each with its latest run. */
export async function listWorkflows(workspaceId: string): Promise<WorkflowSummaryView[]> {
  const workflows = await getDb().workflow.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    include: {
      runs: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, createdAt: true, version: { select: { number: true } } },
      },
    },
  });

  return workflows.map((workflow) => {
    const graph = parseStoredGraph(workflow.draftGraph);
    const lastRun = workflow.runs[0];
    return {
      id: workflow.id,
      name: workflow.name,
      isActive: workflow.isActive,
      nodeCount: graph.nodes.length,
      problemCount: validateGraph(graph).length,
      lastRun: lastRun
        ? {
            id: lastRun.id,
            status: lastRun.status as RunStatus,
            versionNumber: lastRun.version.number,
            createdAt: lastRun.createdAt.toISOString(),
          }
        : null,
      updatedAt: workflow.updatedAt.toISOString(),
    };
  });
}
