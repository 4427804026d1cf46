"use client";

import { useMemo } from "react";
import { describeConfigFields } from "@/lib/workflow/config-fields";
import { validateNodeConfig } from "@/lib/workflow/validate-node-config";
import { ConfigField } from "./config-field";

/**
 * A node's settings form, generated from its type's field specs alone, with the validator's
 * messages under the fields they concern. Messages about no field in particular go on top.
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
  const fieldNames = new Set(fields.map((field) => field.name));
  const generalMessages = [...messagesByField]
    .filter(([field]) => !fieldNames.has(field))
    .flatMap(([, messages]) => messages);

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
      {fields.map((field) => (
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

function groupIssues(nodeType: string, config: Record<string, unknown>): Map<string, string[]> {
  const result = validateNodeConfig(nodeType, config);
  const messages = new Map<string, string[]>();
  if (result.ok) return messages;
  for (const issue of result.issues) {
    messages.set(issue.field, [...(messages.get(issue.field) ?? []), issue.message]);
  }
  return messages;
}
