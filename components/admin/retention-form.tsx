"use client";

import { useState, type FormEvent } from "react";
import type { RetentionView } from "@/lib/api/views";
import { ApiError } from "@/lib/client/api-fetch";
import { useUpdateRetention } from "@/lib/client/retention-queries";
import type { RetentionPolicy } from "@/lib/retention/retention-policy";
import { Button } from "../ui/button";
import { formText } from "../ui/form-text";
import { RetentionDurationField } from "./retention-duration-field";

type FieldName = keyof RetentionPolicy;
type FieldErrors = Partial<Record<FieldName, string>>;

const fieldNames: readonly FieldName[] = ["bodyRetentionHours", "metadataRetentionHours"];

/** The two retention windows; the server checks the bounds and answers per field. */
export function RetentionForm({ retention }: { retention: RetentionView }) {
  const update = useUpdateRetention();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setErrors({});
    setFormError(null);
    update.reset();

    try {
      await update.mutateAsync({
        bodyRetentionHours: hoursOf(data, "bodyRetention"),
        metadataRetentionHours: hoursOf(data, "metadataRetention"),
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === "validation_failed") {
        setErrors(toFieldErrors(error.details));
      } else {
        setFormError(error instanceof Error ? error.message : "The settings could not be saved.");
      }
    }
  }

  return (
    <form
      aria-label="Retention settings"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-4 px-4 py-4"
    >
      <RetentionDurationField
        label="Keep bodies for"
        name="bodyRetention"
        hours={retention.bodyRetentionHours}
        error={errors.bodyRetentionHours}
        hint="Request and response bodies are cleared after this; 1 hour to 365 days."
      />
      <RetentionDurationField
        label="Keep metadata for"
        name="metadataRetention"
        hours={retention.metadataRetentionHours}
        error={errors.metadataRetentionHours}
        hint="Exchanges, finished runs and jobs are deleted after this; at least as long as bodies."
      />
      {formError ? (
        <p role="alert" className="text-sm text-rose-600">
          {formError}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save retention"}
        </Button>
        {update.isSuccess ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved. The next prune uses these windows.
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** The amount in the unit chosen beside it, as hours; NaN reaches the server as invalid. */
function hoursOf(data: FormData, name: string): number {
  const amount = Number(formText(data, `${name}Amount`));
  return formText(data, `${name}Unit`) === "days" ? amount * 24 : amount;
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
    const field = fieldNames.find((name) => name === issue.path);
    if (field && typeof issue.message === "string" && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
