"use client";

import { useState } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { Button } from "@/components/ui/button";
import { ImportWorkflowDialog } from "./import-workflow-dialog";

/** "Import" for editors: opens the dialog that creates a workflow from an exported file. */
export function ImportWorkflowButton() {
  const canEdit = useCanEdit();
  const [isOpen, setIsOpen] = useState(false);
  if (!canEdit) return null;

  return (
    <>
      <Button onClick={() => setIsOpen(true)}>Import</Button>
      {isOpen ? <ImportWorkflowDialog onClose={() => setIsOpen(false)} /> : null}
    </>
  );
}
