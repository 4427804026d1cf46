import { queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TestEventView } from "@/lib/workflows/test-event";
import { apiFetch } from "./api-fetch";
import { workflowQueries } from "./workflow-queries";

/**
 * Query keys and fetchers of a workflow's inbound URLs: the test URL's listening state and the
 * request it captured last. Keys nest under the workflow's detail key, so invalidating the
 * workflow reaches them too; the production URL's readiness and the secret's hint travel with
 * the workflow itself (`WorkflowView.inbound`).
 *
 * @example
 * const { data } = useQuery(inboundQueries.testEvent(workflowId));
 * const isListening = data?.listeningUntil != null;
 */
export const inboundQueries = {
  all: (workflowId: string) => [...workflowQueries.detail(workflowId).queryKey, "inbound"] as const,

  testEvent: (workflowId: string) =>
    queryOptions({
      queryKey: [...inboundQueries.all(workflowId), "test-event"] as const,
      queryFn: async () =>
        (await apiFetch<{ testEvent: TestEventView }>(testEventPath(workflowId))).testEvent,
    }),
};

function workflowPath(workflowId: string): string {
  return `/api/workflows/${encodeURIComponent(workflowId)}`;
}

function testEventPath(workflowId: string): string {
  return `${workflowPath(workflowId)}/test-event`;
}

/** Stores the test URL's state the server just answered with, then marks the rest stale. */
async function acceptTestEvent(
  queryClient: QueryClient,
  workflowId: string,
  testEvent: TestEventView,
): Promise<void> {
  queryClient.setQueryData(inboundQueries.testEvent(workflowId).queryKey, testEvent);
  await queryClient.invalidateQueries({ queryKey: inboundQueries.all(workflowId) });
}

/** Opens the test URL for the next request, for two minutes. */
export function useListenForTestEvent() {
  return useTestListener("POST");
}

/** Closes the test URL before its two minutes are up. */
export function useStopListeningForTestEvent() {
  return useTestListener("DELETE");
}

function useTestListener(method: "POST" | "DELETE") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId }: { workflowId: string }) =>
      (
        await apiFetch<{ testEvent: TestEventView }>(`${testEventPath(workflowId)}/listen`, {
          method,
        })
      ).testEvent,
    onSuccess: (testEvent, { workflowId }) => acceptTestEvent(queryClient, workflowId, testEvent),
  });
}

/**
 * Runs the saved draft with the captured test event; resolves with the new run's id. A draft
 * with problems is refused with an `ApiError` "graph_invalid" holding `{ problems }`, and a
 * workflow that has captured nothing yet with "conflict".
 */
export function useRunWithTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId }: { workflowId: string }) =>
      (
        await apiFetch<{ runId: string }>(`${testEventPath(workflowId)}/run`, {
          method: "POST",
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

/**
 * Sets or replaces the secret the production URL verifies senders with; resolves with its
 * hint. A secret that does not suit the scheme is refused as "validation_failed" with an issue
 * on `secret` (see `issuesByField`). The workflow is refetched, since readiness may change.
 */
export function useSetInboundSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId, secret }: { workflowId: string; secret: string }) =>
      (
        await apiFetch<{ secretHint: string }>(`${workflowPath(workflowId)}/inbound-secret`, {
          method: "PUT",
          body: { secret },
        })
      ).secretHint,
    onSuccess: (_hint, { workflowId }) =>
      queryClient.invalidateQueries({ queryKey: workflowQueries.detail(workflowId).queryKey }),
  });
}

/** Forgets the stored secret; a live version that verifies senders stops accepting events. */
export function useClearInboundSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ workflowId }: { workflowId: string }) => {
      await apiFetch<null>(`${workflowPath(workflowId)}/inbound-secret`, { method: "DELETE" });
    },
    onSuccess: (_answer, { workflowId }) =>
      queryClient.invalidateQueries({ queryKey: workflowQueries.detail(workflowId).queryKey }),
  });
}
