"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { formText } from "../ui/form-text";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

export function SetupForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
    };
    setIsPending(true);
    setErrors({});
    setFormError(null);
    try {
      await apiFetch("/api/setup", { method: "POST", body: input });
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirect: false,
      });
      router.replace("/workflows");
      router.refresh();
    } catch (error) {
      setIsPending(false);
      if (error instanceof ApiError && error.code === "validation_failed")
        return setErrors(fieldErrors(error.details));
      setFormError(error instanceof Error ? error.message : "Setup failed.");
    }
  }

  return (
    <form className="space-y-4" onSubmit={(event) => void onSubmit(event)}>
      <TextField label="Your name" name="name" autoComplete="name" required error={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={errors.password}
        hint="At least 10 characters."
      />
      {formError ? (
        <p role="alert" className="text-sm text-rose-600">
          {formError}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        className="w-full justify-center"
        disabled={isPending}
      >
        {isPending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}

function fieldErrors(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (
    typeof details !== "object" ||
    details === null ||
    !("issues" in details) ||
    !Array.isArray(details.issues)
  ) {
    return errors;
  }
  for (const issue of details.issues as { path?: unknown; message?: unknown }[]) {
    if (issue.path === "name" || issue.path === "email" || issue.path === "password") {
      errors[issue.path] = String(issue.message);
    }
  }
  return errors;
}
