"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import {
  acceptTemplatePath,
  findOpenTemplate,
  matchTemplatePaths,
  type OpenTemplate,
} from "@/lib/workflow/complete-template";
import { listSamplePaths, type SamplePath } from "@/lib/workflow/list-sample-paths";
import type { ControlA11yProps } from "./field-shell";
import { useTemplateSamplesContext } from "./use-template-samples";

type Completion = { open: OpenTemplate; activeIndex: number };
type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text or textarea control that completes `{{ path }}` templates from the inspected node's
 * sample data. Typing `{{` (or Ctrl+Space inside one) lists the paths that exist with their
 * values; arrows move, Enter or Tab accepts, Escape closes. A one-line field is an ARIA
 * combobox; a textarea stays a textbox, since a combobox cannot be multiline, and carries the
 * same autocomplete attributes.
 */
export function TemplateInput({
  multiline,
  rows,
  className,
  spellCheck,
  value,
  placeholder,
  label,
  onChange,
  ...a11y
}: ControlA11yProps & {
  /** For a control without a `<label>` of its own, such as a row of a map. */
  "aria-label"?: string;
  multiline: boolean;
  rows?: number;
  className: string;
  spellCheck?: boolean;
  value: string;
  placeholder?: string;
  /** The field's label, which names the list of suggestions. */
  label: string;
  onChange: (text: string) => void;
}) {
  const samples = useTemplateSamplesContext();
  const paths = useMemo(() => (samples ? listSamplePaths(samples) : []), [samples]);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const pendingCaret = useRef<{ text: string; caret: number } | null>(null);
  const controlRef = useRef<TextControl | null>(null);

  const options = completion ? matchTemplatePaths(paths, completion.open.query) : [];
  const isOpen = completion !== null && options.length > 0;
  const activeIndex = Math.min(completion?.activeIndex ?? 0, options.length - 1);
  const listboxId = `${a11y.id}-paths`;
  const optionId = (index: number) => `${listboxId}-${index}`;

  // After a completion the field gets its new text from the store; the caret is placed once
  // the control shows that text, not before.
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    const control = controlRef.current;
    if (pending === null || control === null || control.value !== pending.text) return;
    pendingCaret.current = null;
    control.setSelectionRange(pending.caret, pending.caret);
  });

  useEffect(() => {
    if (isOpen)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  function follow(text: string, caret: number, canOpen: boolean) {
    const open = findOpenTemplate(text, caret);
    setCompletion((current) => {
      if (open === null || (current === null && !canOpen)) return null;
      const isSame = current?.open.start === open.start && current.open.query === open.query;
      return { open, activeIndex: isSame ? current.activeIndex : 0 };
    });
  }

  function accept(path: SamplePath) {
    if (completion === null) return;
    const accepted = acceptTemplatePath(value, completion.open, path.path);
    pendingCaret.current = accepted;
    setCompletion(null);
    onChange(accepted.text);
  }

  function handleKeyDown(event: KeyboardEvent<TextControl>) {
    const control = event.currentTarget;
    if (event.key === " " && event.ctrlKey) {
      event.preventDefault();
      follow(control.value, control.selectionStart ?? control.value.length, true);
      return;
    }
    if (!isOpen || completion === null) return;

    const chosen = options[activeIndex];
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : options.length - 1;
      setCompletion({ ...completion, activeIndex: (activeIndex + step) % options.length });
    } else if ((event.key === "Enter" || event.key === "Tab") && chosen) {
      event.preventDefault();
      accept(chosen);
    } else if (event.key === "Escape") {
      // Closing the list is all Escape does here; the editor must not react to it as well.
      event.preventDefault();
      event.stopPropagation();
      setCompletion(null);
    }
  }

  const controlProps = {
    ...a11y,
    "aria-autocomplete": "list" as const,
    "aria-controls": isOpen ? listboxId : undefined,
    "aria-activedescendant": isOpen ? optionId(activeIndex) : undefined,
    className,
    value,
    placeholder,
    autoComplete: "off",
    onChange: (event: { currentTarget: TextControl }) => {
      const { value: text, selectionStart } = event.currentTarget;
      onChange(text);
      follow(text, selectionStart ?? text.length, true);
    },
    onSelect: (event: { currentTarget: TextControl }) => {
      const { value: text, selectionStart } = event.currentTarget;
      follow(text, selectionStart ?? text.length, false);
    },
    onKeyDown: handleKeyDown,
    onBlur: () => setCompletion(null),
  };

  return (
    <div className="relative">
      {multiline ? (
        <textarea
          {...controlProps}
          ref={(element) => {
            controlRef.current = element;
          }}
          rows={rows}
          spellCheck={spellCheck}
        />
      ) : (
        <input
          {...controlProps}
          ref={(element) => {
            controlRef.current = element;
          }}
          type="text"
          role="combobox"
          aria-expanded={isOpen}
          spellCheck={false}
        />
      )}
      {isOpen ? (
        <ul
          id={listboxId}
          role="listbox"
          aria-label={`Paths for ${label}`}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-64 overflow-auto rounded-md bg-white py-1 text-xs shadow-lg ring-1 ring-slate-200"
        >
          {options.map((option, index) => (
            <li
              key={option.path}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              aria-labelledby={`${optionId(index)}-path`}
              aria-describedby={`${optionId(index)}-sample`}
              // Keeps focus in the field, so typing goes on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => accept(option)}
              className={`cursor-pointer px-2.5 py-1.5 ${index === activeIndex ? "bg-indigo-50" : "hover:bg-slate-50"}`}
            >
              <span
                id={`${optionId(index)}-path`}
                className="block font-mono [overflow-wrap:anywhere] text-indigo-700"
              >
                {option.path}
              </span>
              <span
                id={`${optionId(index)}-sample`}
                className="block truncate text-[11px] text-slate-500"
                title={option.sample}
              >
                {option.sample === "" ? "empty" : option.sample}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
