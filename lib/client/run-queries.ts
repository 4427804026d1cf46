import { queryOptions } from "@tanstack/react-query";
import type { LiveEvent, RunView } from "../api/views";
import { apiFetch } from "./api-fetch";

/** One run with its trigger data and steps. Key: `["runs", id]`. */
export function runQueryOptions(runId: string) {
  return queryOptions({
    queryKey: ["runs", runId] as const,
    queryFn: async () =>
      (await apiFetch<{ run: RunView }>(`/api/runs/${encodeURIComponent(runId)}`)).run,
  });
}

/** Whether a live event changes what the page of run `runId` shows. */
export function isEventAboutRun(event: LiveEvent, runId: string): boolean {
  switch (event.type) {
    case "run.updated":
    case "run.responded":
      return event.id === runId;
    case "delivery.updated":
    case "exchange.created":
      return event.runId === runId;
    case "test-event.captured":
      return false;
  }
}
