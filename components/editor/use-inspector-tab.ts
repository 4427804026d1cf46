"use client";

import { useState } from "react";
import { selectSelectedNodeId, useEditorStore } from "./use-editor-store";

/** The side panel's views: the selection's details, or the workflow's inbound URLs. */
export type InspectorTab = "details" | "inbound";

/**
 * Which side panel view shows. Selecting a node on the canvas brings its details forward, since
 * that is what a click on a node asks for; anything else keeps the view the person chose.
 */
export function useInspectorTab(): {
  tab: InspectorTab;
  selectedNodeId: string | null;
  showTab: (tab: InspectorTab) => void;
} {
  const selectedNodeId = useEditorStore(selectSelectedNodeId);
  const [tab, setTab] = useState<InspectorTab>("details");
  const [seenSelection, setSeenSelection] = useState(selectedNodeId);

  // Adjusting state while rendering, not in an effect, so the old view never paints first.
  if (selectedNodeId !== seenSelection) {
    setSeenSelection(selectedNodeId);
    if (selectedNodeId !== null) setTab("details");
  }

  return { tab, selectedNodeId, showTab: setTab };
}
