"use client";

import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from "react";
import { inputClass } from "../ui/field";

/** Typing settles for this long before a filter changes the URL and the list. */
const SETTLE_MS = 350;

type DebouncedInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Text that is not empty and fails this stays in the box, marked invalid, and is not sent. */
  isValid?: (text: string) => boolean;
  invalidMessage?: string;
};

/**
 * A labelled text filter that reports its value once typing pauses, or at once on Enter. It
 * follows `value` when the URL changes underneath it (a chip removed, filters cleared).
 */
export function DebouncedInput({
  label,
  value,
  onCommit,
  isValid = () => true,
  invalidMessage,
  className = "",
  ...props
}: DebouncedInputProps) {
  const id = useId();
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
  }

  const trimmed = text.trim();
  const invalid = trimmed !== "" && !isValid(trimmed);
  const pending = !invalid && trimmed !== value.trim();

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => commit.current(trimmed), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [pending, trimmed]);

  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        className={`${inputClass} ${invalid ? "border-rose-400 focus:border-rose-500 focus:ring-rose-500" : ""}`}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && pending) onCommit(trimmed);
        }}
        {...props}
      />
      {invalid && invalidMessage ? (
        <p id={`${id}-error`} className="text-xs text-rose-600">
          {invalidMessage}
        </p>
      ) : null}
    </div>
  );
}
