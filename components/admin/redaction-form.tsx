"use client";

import { useId, useState, type FormEvent } from "react";
import type { RedactionView } from "@/lib/api/views";
import { ApiError } from "@/lib/client/api-fetch";
import type { useUpdateRedaction } from "@/lib/client/redaction-queries";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { formText } from "../ui/form-text";

type FieldName = "headerNames" | "jsonPaths" | "maxStoredBodyBytes";
type FieldErrors = Partial<Record<FieldName, string>>;

const KB = 1024;
const MB = 1024 * 1024;

type RedactionFormProps = {
  redaction: RedactionView;
  update: ReturnType<typeof useUpdateRedaction>;
};

/** Extra header names, body paths and the stored-body cap; the server checks every line. */
export function RedactionForm({ redaction, update }: RedactionFormProps) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setErrors({});
    setFormError(null);

    const amount = Number(formText(data, "capAmount"));
    try {
      await update.mutateAsync({
        headerNames: linesOf(formText(data, "headerNames")),
        jsonPaths: linesOf(formText(data, "jsonPaths")),
        maxStoredBodyBytes: amount * (formText(data, "capUnit") === "MB" ? MB : KB),
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === "redaction_path_invalid") {
        setErrors({ jsonPaths: error.message });
      } else if (error instanceof ApiError && error.code === "validation_failed") {
        setErrors(toFieldErrors(error.details));
      } else {
        setFormError(error instanceof Error ? error.message : "The settings could not be saved.");
      }
    }
  }

  return (
    <form
      aria-label="Redaction settings"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-4 px-4 py-4"
    >
      <LinesField
        label="Also redact these headers"
        name="headerNames"
        lines={redaction.headerNames}
        placeholder={"x-shop-key\nx-customer-email"}
        error={errors.headerNames}
        hint="One header name per line, any letter case; the whole value is replaced."
      />
      <LinesField
        label="Redact these JSON paths in bodies"
        name="jsonPaths"
        lines={redaction.jsonPaths}
        placeholder={"card.number\n**.password"}
        error={errors.jsonPaths}
        hint="One path per line, in request and response bodies that are JSON."
      />
      <CapField redaction={redaction} error={errors.maxStoredBodyBytes} />
      {formError ? (
        <p role="alert" className="text-sm text-rose-600">
          {formError}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          disabled={update.isPending}
          className="shrink-0 whitespace-nowrap"
        >
          {update.isPending ? "Saving…" : "Save redaction"}
        </Button>
        {update.isSuccess ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved. Exchanges stored from now on follow these rules.
          </p>
        ) : null}
      </div>
    </form>
  );
}

type LinesFieldProps = {
  label: string;
  name: FieldName;
  lines: string[];
  placeholder: string;
  error?: string;
  hint: string;
};

function LinesField({ label, name, lines, placeholder, error, hint }: LinesFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        spellCheck={false}
        defaultValue={lines.join("\n")}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId}
        className={`${inputClass} font-mono`}
      />
      <p id={noteId} className={`text-xs ${error ? "text-rose-600" : "text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}

function CapField({ redaction, error }: { redaction: RedactionView; error?: string }) {
  const id = useId();
  const noteId = `${id}-note`;
  const { amount, unit } = splitBytes(redaction.maxStoredBodyBytes);
  const fallback = splitBytes(redaction.defaultMaxStoredBodyBytes);
  const hint = `Longer bodies are cut and marked truncated; 1\u00a0KB to 10\u00a0MB. Without a setting: ${fallback.amount}\u00a0${fallback.unit}.`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Keep of each body
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name="capAmount"
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
          name="capUnit"
          aria-label="Keep of each body: unit"
          defaultValue={unit}
          className={`${inputClass} max-w-28`}
        >
          <option value="KB">KB</option>
          <option value="MB">MB</option>
        </select>
      </div>
      <p id={noteId} className={`text-xs ${error ? "text-rose-600" : "text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}

/** MB when the bytes make whole megabytes, KB otherwise (rounded up: the cap is in bytes). */
function splitBytes(bytes: number): { amount: number; unit: "KB" | "MB" } {
  return bytes % MB === 0
    ? { amount: bytes / MB, unit: "MB" }
    : { amount: Math.ceil(bytes / KB), unit: "KB" };
}

function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Reads `details.issues` of a validation error into one message per field. */
function toFieldErrors(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof details !== "object" || details === null || !("issues" in details)) return errors;
  if (!Array.isArray(details.issues)) return errors;

  const issues: unknown[] = details.issues;
  for (const issue of issues) {
    if (typeof issue !== "object" || issue === null) continue;
    if (!("path" in issue) || !("message" in issue)) continue;
    if (typeof issue.path !== "string" || typeof issue.message !== "string") continue;
    const field = fieldNameOf(issue.path);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function fieldNameOf(path: string): FieldName | null {
  const head = path.split(".")[0];
  return head === "headerNames" || head === "jsonPaths" || head === "maxStoredBodyBytes"
    ? head
    : null;
}
