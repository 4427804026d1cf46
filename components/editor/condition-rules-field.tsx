"use client";

import { inputClass } from "@/components/ui/field";
import {
  conditionOperators,
  conditionRuleSchema,
  MAX_CONDITION_RULES,
  operatorLabels,
  unaryOperators,
  type ConditionRule,
} from "@/lib/workflow/condition-node-type";
import { labelIdFor, type ControlA11yProps } from "./field-shell";

const emptyRule: ConditionRule = { left: "", operator: "equals", right: "" };

/**
 * Edits a Condition's rules, one row each: the value to test, the operator and, unless the
 * operator looks at one value only, what to compare it with. Rules are stored as edited.
 */
export function ConditionRulesField({
  value,
  onChange,
  ...a11y
}: ControlA11yProps & { value: unknown; onChange: (value: unknown) => void }) {
  const rules = toRules(value);

  function editRule(index: number, patch: Partial<ConditionRule>) {
    onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  }

  return (
    <div {...a11y} role="group" aria-labelledby={labelIdFor(a11y.id)} className="space-y-2">
      {rules.map((rule, index) => (
        <div key={index} className="space-y-1.5 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
          <div className="flex items-center gap-1.5">
            <input
              aria-label={`Rule ${index + 1} value`}
              className={`${inputClass} font-mono text-xs`}
              value={rule.left}
              placeholder="{{trigger.body.status}}"
              onChange={(event) => editRule(index, { left: event.target.value })}
            />
            <button
              type="button"
              aria-label={`Remove rule ${index + 1}`}
              disabled={rules.length === 1}
              onClick={() => onChange(rules.filter((_, at) => at !== index))}
              className="shrink-0 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-rose-600 disabled:opacity-40 disabled:hover:bg-transparent disabled:hover:text-slate-400"
            >
              <span aria-hidden>✕</span>
            </button>
          </div>
          <div className="flex items-center gap-1.5">
            <select
              aria-label={`Rule ${index + 1} operator`}
              className={`${inputClass} w-auto text-xs`}
              value={rule.operator}
              onChange={(event) => editRule(index, { operator: parseOperator(event.target.value) })}
            >
              {conditionOperators.map((operator) => (
                <option key={operator} value={operator}>
                  {operatorLabels[operator]}
                </option>
              ))}
            </select>
            {unaryOperators.has(rule.operator) ? null : (
              <input
                aria-label={`Rule ${index + 1} compared with`}
                className={`${inputClass} font-mono text-xs`}
                value={rule.right}
                placeholder={rule.operator === "matches" ? "^ord_[0-9]+$" : "paid"}
                onChange={(event) => editRule(index, { right: event.target.value })}
              />
            )}
          </div>
        </div>
      ))}
      {rules.length < MAX_CONDITION_RULES ? (
        <button
          type="button"
          onClick={() => onChange([...rules, emptyRule])}
          className="rounded-md px-1.5 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 disabled:text-slate-400 disabled:hover:bg-transparent"
        >
          + Add a rule
        </button>
      ) : null}
    </div>
  );
}

/** Rows that are not rules (a hand-edited config) show as empty rules until edited. */
function toRules(value: unknown): ConditionRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const parsed = conditionRuleSchema.safeParse(item);
    return parsed.success ? parsed.data : emptyRule;
  });
}

function parseOperator(text: string): ConditionRule["operator"] {
  return conditionOperators.find((operator) => operator === text) ?? "equals";
}
