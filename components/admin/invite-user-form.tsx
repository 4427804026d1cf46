"use client";

import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { userRoles, useInviteUser, type InviteUserInput } from "@/lib/client/admin-queries";
import { Button } from "../ui/button";
import { inputClass, TextField } from "../ui/field";
import { roleLabels } from "./role-labels";

type FieldName = keyof InviteUserInput;
type FieldErrors = Partial<Record<FieldName, string>>;

const fieldNames: readonly FieldName[] = ["name", "email", "password", "role"];

/** Creates an account with a password the admin passes on; errors land next to their field. */
export function InviteUserForm() {
  const headingId = useId();
  const roleId = useId();
  const invite = useInviteUser();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setErrors({});
    setFormError(null);
    setCreatedEmail(null);

    try {
      const user = await invite.mutateAsync({
        name: textOf(data, "name"),
        email: textOf(data, "email"),
        password: textOf(data, "password"),
        role: userRoles.find((role) => role === data.get("role")) ?? "viewer",
      });
      form.reset();
      setCreatedEmail(user.email);
    } catch (error) {
      if (error instanceof ApiError && error.code === "email_taken") {
        setErrors({ email: error.message });
      } else if (error instanceof ApiError && error.code === "validation_failed") {
        setErrors(toFieldErrors(error.details));
      } else {
        setFormError(error instanceof Error ? error.message : "The user could not be created.");
      }
    }
  }

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-3 rounded-lg bg-white px-4 py-4 shadow-sm ring-1 ring-slate-200"
    >
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Invite user
        </h3>
        <p className="mt-0.5 text-xs text-slate-500">
          Set a first password and hand it over yourself; it is not sent by email.
        </p>
      </div>
      <TextField label="Name" name="name" autoComplete="off" error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password}
      />
      <div className="space-y-1">
        <label htmlFor={roleId} className="block text-sm font-medium text-slate-700">
          Role
        </label>
        <select
          id={roleId}
          name="role"
          defaultValue="editor"
          className={inputClass}
          aria-invalid={errors.role ? true : undefined}
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        {errors.role ? <span className="block text-xs text-rose-600">{errors.role}</span> : null}
      </div>

      {formError ? (
        <p role="alert" className="text-sm text-rose-600">
          {formError}
        </p>
      ) : null}
      {createdEmail ? (
        <p role="status" className="text-sm text-emerald-700">
          Created {createdEmail}. They can sign in with the password you set.
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        disabled={invite.isPending}
        className="w-full justify-center"
      >
        {invite.isPending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}

function textOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** Reads `details.issues` of a validation error into one message per known field. */
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
