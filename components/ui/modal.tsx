"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

const modalWidths = { md: "max-w-md", "2xl": "max-w-2xl", "5xl": "max-w-5xl" } as const;

/**
 * A modal dialog that is open while it is mounted. The native `<dialog>` gives focus trapping,
 * Escape to close and the inert page behind it, so none of that is reimplemented here.
 */
export function Modal({
  title,
  onClose,
  size = "md",
  children,
}: {
  title: string;
  onClose: () => void;
  /** `2xl` for forms with rows of fields side by side; `5xl` for a list beside a detail. */
  size?: "md" | "2xl" | "5xl";
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-full ${modalWidths[size]} text-left font-normal rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]`}
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
