"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { FieldSpec } from "@/lib/workflow/config-fields";
import { controlA11yProps, FieldShell, type ControlA11yProps } from "./field-shell";
import { ConditionRulesField } from "./condition-rules-field";
import { KeyValueField } from "./key-value-field";
import { SecretField } from "./secret-field";
import { TemplateInput } from "./template-input";
import { TemplatePreviewNote } from "./template-preview";

export type FieldProps = {
  field: FieldSpec;
  value: unknown;
  messages: readonly string[];
  /** `undefined` removes the setting, so the type's default applies. */
  onChange: (value: unknown) => void;
};

/** One config setting, its control chosen by the field's kind. */
export function ConfigField(props: FieldProps) {
  const inputId = useId();
  return (
    <FieldShell field={props.field} inputId={inputId} messages={props.messages}>
      <FieldControl {...props} inputId={inputId} />
    </FieldShell>
  );
}

function FieldControl({
  field,
  value,
  messages,
  onChange,
  inputId,
}: FieldProps & { inputId: string }) {
  const common = controlA11yProps(inputId, field, messages);
  const text = typeof value === "string" ? value : "";
  const isTemplateText =
    field.kind === "text" || field.kind === "textarea" || field.kind === "json";
  if (field.supportsTemplates && isTemplateText) {
    return <TemplateTextControl common={common} field={field} text={text} onChange={onChange} />;
  }

  switch (field.kind) {
    case "text":
      return (
        <input
          {...common}
          type="text"
          className={inputClass}
          value={text}
          placeholder={field.placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "textarea":
    case "json":
    case "code":
      return (
        <textarea
          {...common}
          rows={field.kind === "textarea" ? 4 : 7}
          spellCheck={field.kind === "textarea"}
          className={`${inputClass} ${field.kind === "textarea" ? "" : "font-mono text-xs leading-relaxed"}`}
          value={text}
          placeholder={field.placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "number":
      return <NumberInput {...common} field={field} value={value} onChange={onChange} />;
    case "select":
      return (
        <select
          {...common}
          className={inputClass}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        >
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case "keyValue":
      return <KeyValueField {...common} field={field} value={value} onChange={onChange} />;
    case "secret":
      return <SecretField {...common} value={text} onChange={onChange} />;
    case "rules":
      return <ConditionRulesField {...common} value={value} onChange={onChange} />;
  }
}

/** A text setting that may hold templates: completed as it is typed, previewed beneath. */
function TemplateTextControl({
  common,
  field,
  text,
  onChange,
}: {
  common: ControlA11yProps;
  field: FieldSpec;
  text: string;
  onChange: (value: unknown) => void;
}) {
  const previewId = `${common.id}-preview`;
  const describedBy = [common["aria-describedby"], previewId].filter(Boolean).join(" ");
  const isCode = field.kind === "json";
  return (
    <>
      <TemplateInput
        {...common}
        aria-describedby={describedBy}
        multiline={field.kind !== "text"}
        rows={field.kind === "textarea" ? 4 : 7}
        spellCheck={field.kind === "textarea"}
        className={`${inputClass} ${isCode ? "font-mono text-xs leading-relaxed" : ""}`}
        value={text}
        placeholder={field.placeholder}
        label={field.label}
        onChange={onChange}
      />
      <TemplatePreviewNote
        id={previewId}
        text={text}
        format={isCode ? "json" : "text"}
        label={field.label}
      />
    </>
  );
}

/**
 * Keeps the typed text locally: half-typed numbers ("1e", "-") are not numbers yet, and
 * mirroring only the config would wipe them from the input.
 */
function NumberInput({
  field,
  value,
  onChange,
  ...common
}: ControlA11yProps & {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");

  function change(nextText: string) {
    setText(nextText);
    const number = Number(nextText);
    onChange(nextText.trim() === "" || !Number.isFinite(number) ? undefined : number);
  }

  return (
    <input
      {...common}
      type="number"
      inputMode="numeric"
      className={inputClass}
      value={text}
      min={field.min}
      max={field.max}
      placeholder={field.placeholder}
      onChange={(event) => change(event.target.value)}
    />
  );
}
