"use client";

import { useEffect, useId, useRef, useState } from "react";
import { countProblems } from "@/components/workflows/reported-problems";
import { ProblemList } from "./problem-list";
import { useFocusNode } from "./use-focus-node";
import { selectProblems, useEditorStore } from "./use-editor-store";

/** The header's live problem count; a click lists the problems of the working graph. */
export function ProblemsMenu() {
  const problems = useEditorStore(selectProblems);
  const focusNode = useFocusNode();
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!isOpen) return;
    function closeOnOutsideClick(event: PointerEvent) {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) {
        setIsOpen(false);
      }
    }
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key === "Escape") setIsOpen(false);
    }
    document.addEventListener("pointerdown", closeOnOutsideClick);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsideClick);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [isOpen]);

  if (problems.length === 0) {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs font-medium text-emerald-700">
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-emerald-500" />
        No problems
      </span>
    );
  }

  return (
    <div ref={containerRef} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen(!isOpen)}
        className="inline-flex items-center gap-1.5 rounded-md bg-rose-50 px-2.5 py-1.5 text-sm font-medium text-rose-700 ring-1 ring-rose-200 ring-inset hover:bg-rose-100"
      >
        <span aria-hidden>⚠</span>
        {countProblems(problems.length)}
      </button>
      {isOpen ? (
        <div
          id={listId}
          role="region"
          aria-label="Problems"
          className="absolute top-full right-0 z-30 mt-2 max-h-96 w-96 overflow-y-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="px-2 pt-1 pb-2 text-xs text-slate-500">
            Fix these before the workflow can be activated or run.
          </p>
          <ProblemList
            problems={problems}
            onFocusNode={(nodeId) => {
              focusNode(nodeId);
              setIsOpen(false);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
