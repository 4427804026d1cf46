"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkflowView } from "@/lib/api/views";
import { CanvasDiffHighlight, type CanvasHighlight } from "./canvas-diff-highlight";
import { VersionHistoryDialog } from "./version-history-dialog";

/**
 * The header's way into the workflow's published versions, their changes and restores, and
 * the control that clears a comparison's marks on the canvas.
 */
export function VersionHistoryButton({
  workflow,
  canEdit,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [highlight, setHighlight] = useState<CanvasHighlight | null>(null);

  return (
    <>
      <Button variant="ghost" aria-haspopup="dialog" onClick={() => setIsOpen(true)}>
        History
      </Button>
      {isOpen ? (
        <VersionHistoryDialog
          workflow={workflow}
          canEdit={canEdit}
          onClose={() => setIsOpen(false)}
          onHighlight={(next) => {
            setHighlight(next);
            setIsOpen(false);
          }}
        />
      ) : null}
      {highlight ? (
        <CanvasDiffHighlight highlight={highlight} onClear={() => setHighlight(null)} />
      ) : null}
    </>
  );
}
