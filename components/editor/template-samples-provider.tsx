"use client";

import type { ReactNode } from "react";
import { TemplateSamplesContext, useTemplateSamples } from "./use-template-samples";

/** Gives the template fields below it the sample data of the inspected node. */
export function TemplateSamplesProvider({
  nodeId,
  children,
}: {
  nodeId: string;
  children: ReactNode;
}) {
  const samples = useTemplateSamples(nodeId);
  return (
    <TemplateSamplesContext.Provider value={samples}>{children}</TemplateSamplesContext.Provider>
  );
}
