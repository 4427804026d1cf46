"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { FieldSpec } from "@/lib/workflow/config-fields";
import { isRecord } from "@/lib/workflow/is-record";
import { labelIdFor, type ControlA11yProps } from "./field-shell";
import { TemplateInput } from "./template-input";
import { TemplatePreviewNote } from "./template-preview";

type Row = { key: number; name: string; value: string };

/**
 * Edits a map of text to text (headers, query parameters) as rows. Rows live here rather than in
 * the config: a half-filled row or two rows with the same name cannot be an object's keys yet.
 */
export function KeyValueField({
  field,
  value,
  onChange,
  ...a11y
}: ControlA11yProps & {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const [nextKey, setNextKey] = useState(rows.length);
  const duplicateNames = findDuplicateNames(rows);

  function update(nextRows: Row[]) {
    setRows(nextRows);
    onChange(toRecord(nextRows));
  }

  function addRow() {
    setRows([...rows, { key: nextKey, name: "", value: "" }]);
    setNextKey(nextKey + 1);
  }

  function editRow(key: number, patch: Partial<Pick<Row, "name" | "value">>) {
    update(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  return (
    <div {...a11y} role="group" aria-labelledby={labelIdFor(a11y.id)} className="space-y-1.5">
      {rows.map((row, index) => (
        <div key={row.key} className="space-y-1">
          <div className="flex items-center gap-1.5">
            <input
              aria-label={`${field.label} name ${index + 1}`}
              className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
              value={row.name}
              placeholder="Name"
              onChange={(event) => editRow(row.key, { name: event.target.value })}
            />
            {field.supportsTemplates ? (
              <div className="min-w-0 flex-1">
                <TemplateInput
                  id={`${a11y.id}-value-${row.key}`}
                  aria-label={`${field.label} value ${index + 1}`}
                  aria-describedby={`${a11y.id}-preview-${row.key}`}
                  multiline={false}
                  className={`${inputClass} font-mono text-xs`}
                  value={row.value}
                  placeholder="Value"
                  label={`${field.label} value ${index + 1}`}
                  onChange={(text) => editRow(row.key, { value: text })}
                />
              </div>
            ) : (
              <input
                aria-label={`${field.label} value ${index + 1}`}
                className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
                value={row.value}
                placeholder="Value"
                onChange={(event) => editRow(row.key, { value: event.target.value })}
              />
            )}
            <button
              type="button"
              aria-label={`Remove ${field.label} row ${index + 1}`}
              onClick={() => update(rows.filter((other) => other.key !== row.key))}
              className="shrink-0 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-rose-600 disabled:hover:bg-transparent"
            >
              <span aria-hidden>✕</span>
            </button>
          </div>
          {field.supportsTemplates ? (
            <TemplatePreviewNote
              id={`${a11y.id}-preview-${row.key}`}
              text={row.value}
              format="text"
              label={`${field.label} value ${index + 1}`}
            />
          ) : null}
        </div>
      ))}
      {duplicateNames.length > 0 ? (
        <p className="text-xs text-amber-700">
          {duplicateNames.join(", ")} appears more than once; only the last row is kept.
        </p>
      ) : null}
      <button
        type="button"
        aria-label={`Add to ${field.label}`}
        onClick={addRow}
        className="rounded-md px-1.5 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 disabled:text-slate-400 disabled:hover:bg-transparent"
      >
        + Add {rows.length === 0 ? "an entry" : "another"}
      </button>
    </div>
  );
}

function toRows(value: unknown): Row[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([name, text], index) => ({
    key: index,
    name,
    value: typeof text === "string" ? text : String(text),
  }));
}

/** Fully empty rows are left out, so adding a row and leaving it blank changes nothing. */
function toRecord(rows: readonly Row[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter((row) => row.name !== "" || row.value !== "").map((row) => [row.name, row.value]),
  );
}

function findDuplicateNames(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of rows) {
    if (name !== "" && seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return [...duplicates];
}
