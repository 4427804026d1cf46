import type { ReactNode } from "react";
import type { FieldSpec } from "@/lib/workflow/config-fields";

export const templateHint = "Use {{trigger.body.…}} or {{steps.<node>.response.body.…}}";

/**
 * Label, help and validation messages around one config field. `inputId` ties the `<label>` to
 * the control, so each field is reachable by its label alone.
 */
export function FieldShell({
  field,
  inputId,
  messages,
  children,
}: {
  field: FieldSpec;
  inputId: string;
  messages: readonly string[];
  children: ReactNode;
}) {
  const hasErrors = messages.length > 0;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline gap-1">
        <label
          id={labelIdFor(inputId)}
          htmlFor={inputId}
          className="text-sm font-medium text-slate-700"
        >
          {field.label}
        </label>
        {field.required ? (
          <span aria-hidden className="text-sm text-rose-500">
            *
          </span>
        ) : null}
      </div>
      {children}
      {hasErrors ? (
        <ul id={`${inputId}-errors`} className="space-y-0.5">
          {messages.map((message) => (
            <li key={message} className="text-xs text-rose-600">
              {message}
            </li>
          ))}
        </ul>
      ) : null}
      {field.description ? <p className="text-xs text-slate-500">{field.description}</p> : null}
      {field.supportsTemplates ? (
        <p className="text-xs text-indigo-600/80">{templateHint}</p>
      ) : null}
    </div>
  );
}

/** What every field control gets: its id, whether it is required, and its errors. */
export type ControlA11yProps = {
  id: string;
  "aria-required"?: true;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

export function controlA11yProps(
  inputId: string,
  field: FieldSpec,
  messages: readonly string[],
): ControlA11yProps {
  return {
    id: inputId,
    ...(field.required ? { "aria-required": true } : {}),
    ...(messages.length > 0
      ? { "aria-invalid": true, "aria-describedby": `${inputId}-errors` }
      : {}),
  };
}

/** The id of a field's visible label, for controls a `<label>` cannot point at. */
export function labelIdFor(inputId: string): string {
  return `${inputId}-label`;
}
