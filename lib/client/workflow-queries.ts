import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { RunSummaryView, WorkflowSummaryView, WorkflowView } from "@/lib/api/views";
import type { Graph } from "@/lib/workflow/graph";
import { apiFetch } from "./api-fetch";

/** How many recent runs the editor lists for a workflow. */
const recentRunLimit = 10;

/**
 * Query keys and fetchers of the workflow feature. Keys nest under ["workflows"], and a
 * workflow's runs nest under its detail key, so invalidating a prefix reaches everything below.
 *
 * @example
 * const { data: workflow } = useQuery(workflowQueries.detail(workflowId));
 */
export const workflowQueries = {
  all: () => ["workflows"] as const,

  list: () =>
    queryOptions({
      queryKey: [...workflowQueries.all(), "list"] as const,
      queryFn: async () =>
        (await apiFetch<{ workflows: WorkflowSummaryView[] }>("/api/workflows")).workflows,
    }),

  detail: (workflowId: string) =>
    queryOptions({
      queryKey: [...workflowQueries.all(), "detail", workflowId] as const,
      queryFn: async () =>
        (await apiFetch<{ workflow: WorkflowView }>(workflowPath(workflowId))).workflow,
    }),

  runs: (workflowId: string) =>
    queryOptions({
      queryKey: [...workflowQueries.detail(workflowId).queryKey, "runs"] as const,
      queryFn: async () => {
        const search = new URLSearchParams({ workflowId, limit: String(recentRunLimit) });
        return (await apiFetch<{ runs: RunSummaryView[] }>(`/api/runs?${search}`)).runs;
      },
    }),
};

function workflowPath(workflowId: string): string {
  return `/api/workflows/${encodeURIComponent(workflowId)}`;
}

type WorkflowAnswer = { workflow: WorkflowView };

/** Stores a workflow the server just answered with, then marks every workflow query stale. */
async function acceptWorkflow(queryClient: QueryClient, workflow: WorkflowView): Promise<void> {
  queryClient.setQueryData(workflowQueries.detail(workflow.id).queryKey, workflow);
  await queryClient.invalidateQueries({ queryKey: workflowQueries.all() });
}

/**
 * Creates a workflow, empty or from a starter of the template gallery; resolves with it so the
 * caller can open the editor.
 */
export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; starter?: string }) =>
      (await apiFetch<WorkflowAnswer>("/api/workflows", { method: "POST", body })).workflow,
    onSuccess: (workflow) => acceptWorkflow(queryClient, workflow),
  });
}

export function useRenameWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId, name }: { workflowId: string; name: string }) =>
      (
        await apiFetch<WorkflowAnswer>(workflowPath(workflowId), {
          method: "PATCH",
          body: { name },
        })
      ).workflow,
    onSuccess: (workflow) => acceptWorkflow(queryClient, workflow),
  });
}

export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId }: { workflowId: string }) => {
      await apiFetch<null>(workflowPath(workflowId), { method: "DELETE" });
    },
    onSuccess: async (_answer, { workflowId }) => {
      queryClient.removeQueries({ queryKey: workflowQueries.detail(workflowId).queryKey });
      await queryClient.invalidateQueries({ queryKey: workflowQueries.all() });
    },
  });
}

/**
 * Saves the whole graph as the draft. The server publishes it at once when the workflow is
 * active and the graph is valid, so the answer may carry a new active version.
 */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId, graph }: { workflowId: string; graph: Graph }) =>
      (
        await apiFetch<WorkflowAnswer>(`${workflowPath(workflowId)}/draft`, {
          method: "PUT",
          body: { graph },
        })
      ).workflow,
    onSuccess: (workflow) => acceptWorkflow(queryClient, workflow),
  });
}

/**
 * Publishes the draft and starts accepting events. A draft with problems is refused with an
 * `ApiError` whose code is "graph_invalid" and whose details hold `{ problems }`.
 */
export function useActivateWorkflow() {
  return useWorkflowSwitch("activate");
}

export function useDeactivateWorkflow() {
  return useWorkflowSwitch("deactivate");
}

function useWorkflowSwitch(action: "activate" | "deactivate") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId }: { workflowId: string }) =>
      (await apiFetch<WorkflowAnswer>(`${workflowPath(workflowId)}/${action}`, { method: "POST" }))
        .workflow,
    onSuccess: (workflow) => acceptWorkflow(queryClient, workflow),
  });
}

/**
 * Tries one action node of the saved draft on its own with `input` (`{ trigger, steps }`);
 * resolves with the id of the step run.
 */
export function useRunStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (variables: { workflowId: string; nodeId: string; input: unknown }) => {
      const { workflowId, nodeId, input } = variables;
      const path = `${workflowPath(workflowId)}/steps/${encodeURIComponent(nodeId)}/run`;
      return (await apiFetch<{ runId: string }>(path, { method: "POST", body: { input } })).runId;
    },
    onSuccess: (_runId, { workflowId }) =>
      queryClient.invalidateQueries({ queryKey: workflowQueries.runs(workflowId).queryKey }),
  });
}

/** Starts a run from the workflow's Manual trigger; resolves with the new run's id. */
export function useRunManually() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId, payload }: { workflowId: string; payload?: unknown }) =>
      (
        await apiFetch<{ runId: string }>(`${workflowPath(workflowId)}/runs`, {
          method: "POST",
          body: payload === undefined ? {} : { payload },
        })
      ).runId,
    onSuccess: async (_runId, { workflowId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: workflowQueries.runs(workflowId).queryKey }),
        queryClient.invalidateQueries({ queryKey: workflowQueries.list().queryKey }),
      ]);
    },
  });
}
