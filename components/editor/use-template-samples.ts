"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo } from "react";
import { inboundQueries } from "@/lib/client/inbound-queries";
import { sampleDataQuery } from "@/lib/client/sample-data-queries";
import { buildTemplateSamples, type TemplateSamples } from "@/lib/workflow/template-samples";
import { selectGraph, useEditorStore } from "./use-editor-store";
import { useWorkflowMeta } from "./workflow-meta-context";

/**
 * The samples the template fields of the inspected node complete and preview against; null
 * outside the inspector, where fields work without them.
 */
export const TemplateSamplesContext = createContext<TemplateSamples | null>(null);

export function useTemplateSamplesContext(): TemplateSamples | null {
  return useContext(TemplateSamplesContext);
}

/**
 * Loads the workflow's sample data and narrows it to what `nodeId` can read in the working
 * graph, unsaved edits included: moving a connection changes which steps come earlier at once.
 * Null until the data has loaded.
 */
export function useTemplateSamples(nodeId: string): TemplateSamples | null {
  const { workflowId } = useWorkflowMeta();
  const graph = useEditorStore(selectGraph);
  const testEvent = useQuery(inboundQueries.testEvent(workflowId));
  const capturedAt = testEvent.data?.event?.receivedAt ?? null;
  const { data } = useQuery({
    ...sampleDataQuery(workflowId, capturedAt),
    enabled: testEvent.isSuccess || testEvent.isError,
  });

  return useMemo(
    () => (data === undefined ? null : buildTemplateSamples(graph, nodeId, data)),
    [data, graph, nodeId],
  );
}
