"use client";

import { useId } from "react";
import { inputClass } from "../ui/field";

export type DurationUnit = "hours" | "days";

/** Days when the hours make whole days, so "168" shows as 7 days. */
export function splitHours(hours: number): { amount: number; unit: DurationUnit } {
  return hours % 24 === 0 ? { amount: hours / 24, unit: "days" } : { amount: hours, unit: "hours" };
}

type RetentionDurationFieldProps = {
  label: string;
  /** Form field names of the amount and of the unit. */
  name: string;
  hours: number;
  error?: string;
  hint: string;
};

/** An amount and its unit, hours or days; both controls carry their own label. */
export function RetentionDurationField({
  label,
  name,
  hours,
  error,
  hint,
}: RetentionDurationFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const { amount, unit } = splitHours(hours);

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={`${name}Amount`}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          defaultValue={amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={noteId}
          className={`${inputClass} max-w-28`}
        />
        <select
          name={`${name}Unit`}
          aria-label={`${label}: unit`}
          defaultValue={unit}
          className={`${inputClass} max-w-28`}
        >
          <option value="hours">hours</option>
          <option value="days">days</option>
        </select>
      </div>
      <p id={noteId} className={`text-xs ${error ? "text-rose-600" : "text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}
