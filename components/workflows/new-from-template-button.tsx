"use client";

import { useState } from "react";
import { useCanEdit } from "@/components/shell/session-user";
import { Button } from "@/components/ui/button";
import { StarterGalleryDialog } from "./starter-gallery-dialog";

/** "New from template" for editors: opens the gallery of ready-made workflows. */
export function NewFromTemplateButton() {
  const canEdit = useCanEdit();
  const [isOpen, setIsOpen] = useState(false);
  if (!canEdit) return null;

  return (
    <>
      <Button onClick={() => setIsOpen(true)}>New from template</Button>
      {isOpen ? <StarterGalleryDialog onClose={() => setIsOpen(false)} /> : null}
    </>
  );
}
