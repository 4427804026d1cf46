"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { latestRunQueryOptions } from "@/lib/client/latest-run-query";
import type { LastRunStore } from "./last-run-store";

/**
 * Keeps the editor's last-run store filled with the workflow's latest run. It renders nothing,
 * so a refetch re-renders no part of the editor; the cards read the store themselves.
 */
export function LastRunFeed({ workflowId, store }: { workflowId: string; store: LastRunStore }) {
  const { data: run } = useQuery(latestRunQueryOptions(workflowId));

  useEffect(() => store.setRun(run ?? null), [store, run]);

  return null;
}
