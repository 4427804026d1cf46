"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useEditorStoreApi } from "./use-editor-store";

/** Selects a node and brings it into view, e.g. when a problem that names it is clicked. */
export function useFocusNode(): (nodeId: string) => void {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();

  return useCallback(
    (nodeId: string) => {
      store.selectNode(nodeId);
      void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1 });
    },
    [store, fitView],
  );
}
