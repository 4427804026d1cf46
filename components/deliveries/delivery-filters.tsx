"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, type ReactNode } from "react";
import {
  exchangeKinds,
  exchangeOutcomeFilters,
  type ExchangeFilters,
} from "@/lib/client/exchange-queries";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { inputClass } from "../ui/field";
import { kindLabels, outcomeLabels } from "./exchange-labels";
import type { FilterName } from "./use-delivery-params";

type DeliveryFiltersProps = {
  filters: ExchangeFilters;
  clearHref: string | null;
  onChange: (name: FilterName, value: string) => void;
};

export function DeliveryFilters({ filters, clearHref, onChange }: DeliveryFiltersProps) {
  const workflows = useQuery(workflowQueries.list());
  const isKnownWorkflow = workflows.data?.some(({ id }) => id === filters.workflowId) ?? false;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect
        label="Workflow"
        value={filters.workflowId ?? ""}
        onChange={(value) => onChange("workflowId", value)}
      >
        <option value="">All workflows</option>
        {workflows.data?.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
        {filters.workflowId && !isKnownWorkflow ? (
          <option value={filters.workflowId}>
            {workflows.isPending ? "Loading…" : "Deleted workflow"}
          </option>
        ) : null}
      </FilterSelect>

      <FilterSelect
        label="Kind"
        value={filters.kind ?? ""}
        onChange={(value) => onChange("kind", value)}
      >
        <option value="">All kinds</option>
        {exchangeKinds.map((kind) => (
          <option key={kind} value={kind}>
            {kindLabels[kind]}
          </option>
        ))}
      </FilterSelect>

      <FilterSelect
        label="Outcome"
        value={filters.outcome ?? ""}
        onChange={(value) => onChange("outcome", value)}
      >
        <option value="">Any outcome</option>
        {exchangeOutcomeFilters.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcomeLabels[outcome]}
          </option>
        ))}
      </FilterSelect>

      {clearHref ? (
        <Link
          href={clearHref}
          scroll={false}
          className="pb-1.5 text-sm font-medium text-indigo-600 hover:text-indigo-500"
        >
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}

type FilterSelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
};

function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  const id = useId();
  // A label wrapping a select would take the selected option into its name; `htmlFor` keeps
  // the name to the label alone.
  return (
    <div className="flex w-48 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </div>
  );
}
