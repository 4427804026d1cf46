"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";

const maxNameLength = 100;

/** Asks for a workflow name: used to create a workflow and to rename one. */
export function WorkflowNameDialog({
  title,
  submitLabel,
  pendingLabel,
  initialName = "",
  isPending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  initialName?: string;
  isPending: boolean;
  error: string | null;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const trimmedName = name.trim();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (trimmedName !== "") onSubmit(trimmedName);
  }

  return (
    <Modal title={title} onClose={onClose}>
      <form className="space-y-4" onSubmit={submit}>
        <TextField
          label="Workflow name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={maxNameLength}
          placeholder="e.g. Forward Stripe payments to the ERP"
          autoFocus
          required
          autoComplete="off"
        />
        {error ? (
          <p role="alert" className="text-sm text-rose-600">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={isPending || trimmedName === ""}>
            {isPending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
