"use client";

import { createContext, useContext } from "react";

/** Facts about the edited workflow that nodes show but never change. */
export type WorkflowMeta = { workflowId: string; inboundPath: string };

export const WorkflowMetaContext = createContext<WorkflowMeta | null>(null);

export function useWorkflowMeta(): WorkflowMeta {
  const meta = useContext(WorkflowMetaContext);
  if (meta === null) throw new Error("useWorkflowMeta is used outside the workflow editor");
  return meta;
}
