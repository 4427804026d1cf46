"use client";

import { useQueryClient } from "@tanstack/react-query";
import { inboundQueries } from "@/lib/client/inbound-queries";
import { useLiveEvents, useThrottledCallback } from "@/lib/client/use-live-events";
import { workflowQueries } from "@/lib/client/workflow-queries";

/** A burst of run events (a busy workflow) turns into at most one refetch per this interval. */
const refetchIntervalMs = 1_000;

/**
 * Keeps run statuses on screen current from the live event stream: the list's last runs, or,
 * given a workflow id, that workflow's recent runs and the request its test URL captured.
 * Other workflows' events are ignored.
 */
export function useLiveWorkflowUpdates(workflowId?: string): void {
  const queryClient = useQueryClient();
  const queryKey =
    workflowId === undefined
      ? workflowQueries.list().queryKey
      : workflowQueries.runs(workflowId).queryKey;
  const refetch = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey });
  }, refetchIntervalMs);

  const refetchTestEvent = () => {
    if (workflowId === undefined) return;
    void queryClient.invalidateQueries({ queryKey: inboundQueries.all(workflowId) });
  };

  useLiveEvents(
    (event) => {
      if (event.type === "test-event.captured" && event.workflowId === workflowId) {
        refetchTestEvent();
      }
      if (event.type !== "run.updated") return;
      if (workflowId === undefined || event.workflowId === workflowId) refetch();
    },
    {
      // A capture may have happened while the stream was down.
      onReconnect: () => {
        refetch();
        refetchTestEvent();
      },
    },
  );
}
