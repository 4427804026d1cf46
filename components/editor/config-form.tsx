"use client";

import { useMemo } from "react";
import { describeConfigFields, type FieldSpec } from "@/lib/workflow/config-fields";
import { validateNodeConfig } from "@/lib/workflow/validate-node-config";
import { ConfigField } from "./config-field";
import { isFieldVisible } from "./field-visibility";

/**
 * A node's settings form, generated from its type's field specs alone, with the validator's
 * messages under the fields they concern. Fields whose condition the config does not meet are
 * hidden but keep their values, so switching back restores them. Messages about no field in
 * particular, or about a hidden one, go on top.
 */
export function ConfigForm({
  nodeType,
  config,
  isReadOnly,
  onChange,
}: {
  nodeType: string;
  config: Record<string, unknown>;
  isReadOnly: boolean;
  onChange: (config: Record<string, unknown>) => void;
}) {
  const fields = useMemo(() => describeConfigFields(nodeType), [nodeType]);
  const messagesByField = useMemo(() => groupIssues(nodeType, config), [nodeType, config]);
  const visibleFields = fields.filter((field) => isFieldVisible(nodeType, field, config));
  const generalMessages = collectGeneralMessages(fields, visibleFields, messagesByField);

  function changeField(name: string, value: unknown) {
    const next = { ...config };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  }

  if (fields.length === 0 && generalMessages.length === 0) {
    return <p className="text-sm text-slate-500">This node has no settings.</p>;
  }

  return (
    <fieldset disabled={isReadOnly} className="min-w-0 space-y-5">
      <legend className="sr-only">Settings</legend>
      {generalMessages.length > 0 ? (
        <ul className="space-y-1 rounded-md bg-rose-50 p-2.5 text-xs text-rose-700">
          {generalMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {visibleFields.map((field) => (
        <ConfigField
          key={field.name}
          field={field}
          value={config[field.name]}
          messages={messagesByField.get(field.name) ?? []}
          onChange={(value) => changeField(field.name, value)}
        />
      ))}
    </fieldset>
  );
}

/**
 * Messages shown above the fields: those about no field, and those about hidden fields, named,
 * because a hidden setting that is invalid still keeps the workflow from running.
 */
function collectGeneralMessages(
  fields: readonly FieldSpec[],
  visibleFields: readonly FieldSpec[],
  messagesByField: ReadonlyMap<string, string[]>,
): string[] {
  const labels = new Map(fields.map((field) => [field.name, field.label]));
  const visibleNames = new Set(visibleFields.map((field) => field.name));
  return [...messagesByField]
    .filter(([name]) => !visibleNames.has(name))
    .flatMap(([name, messages]) => {
      const label = labels.get(name);
      return label === undefined ? messages : messages.map((message) => `${label}: ${message}`);
    });
}

function groupIssues(nodeType: string, config: Record<string, unknown>): Map<string, string[]> {
  const result = validateNodeConfig(nodeType, config);
  const messages = new Map<string, string[]>();
  if (result.ok) return messages;
  for (const issue of result.issues) {
    messages.set(issue.field, [...(messages.get(issue.field) ?? []), issue.message]);
  }
  return messages;
}
