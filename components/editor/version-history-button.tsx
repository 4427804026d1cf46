"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkflowView } from "@/lib/api/views";
import { VersionHistoryDialog } from "./version-history-dialog";

/** The header's way into the workflow's published versions, their changes and restores. */
export function VersionHistoryButton({
  workflow,
  canEdit,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
}) {
  const [isOpen, setIsOpen] = useState(false);

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
        />
      ) : null}
    </>
  );
}
