"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import {
  exchangeKindFilters,
  exchangeOutcomeFilters,
  type ExchangeFilters,
} from "@/lib/client/exchange-queries";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { inputClass } from "../ui/field";
import { DebouncedInput } from "./debounced-input";
import { FilterChips } from "./filter-chips";
import { kindFilterLabels, outcomeLabels } from "./exchange-labels";
import { describeTimeRange, fromLocalInput, timePresets, toLocalInput } from "./time-range";
import { parseStatus, type FilterChanges, type FilterName } from "./use-delivery-params";

type DeliveryFiltersProps = {
  filters: ExchangeFilters;
  onChange: (changes: FilterChanges) => void;
  clearHref: string | null;
};

/** The filters behind the "More filters" disclosure. */
const moreFilterNames: readonly FilterName[] = ["status", "host", "messageId", "runId"];

/**
 * The log's filters: search and the common ones always in view, the rest behind "More
 * filters", and every active one as a removable chip.
 */
export function DeliveryFilters({ filters, onChange, clearHref }: DeliveryFiltersProps) {
  const workflows = useQuery(workflowQueries.list());
  const workflowName = (id: string) =>
    workflows.data?.find((workflow) => workflow.id === id)?.name ?? null;
  const panelId = useId();
  const activeMore = moreFilterNames.filter((name) => filters[name] !== undefined).length;
  const [isMoreOpen, setMoreOpen] = useState(activeMore > 0);
  // Removing a chip starts the text boxes afresh, so none sends on the text it held before.
  const [generation, setGeneration] = useState(0);
  const set = (name: FilterName) => (value: string) => onChange({ [name]: value || null });
  const timeRange = describeTimeRange(filters.from, filters.to);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <DebouncedInput
          key={`Search-${generation}`}
          label="Search"
          type="search"
          placeholder="URL or body text"
          className="w-64"
          maxLength={200}
          value={filters.q ?? ""}
          onCommit={set("q")}
        />

        <FilterSelect
          label="Workflow"
          value={filters.workflowId ?? ""}
          onChange={set("workflowId")}
        >
          <option value="">All workflows</option>
          {workflows.data?.map((workflow) => (
            <option key={workflow.id} value={workflow.id}>
              {workflow.name}
            </option>
          ))}
          {filters.workflowId && !workflowName(filters.workflowId) ? (
            <option value={filters.workflowId}>
              {workflows.isPending ? "Loading…" : "Deleted workflow"}
            </option>
          ) : null}
        </FilterSelect>

        <FilterSelect label="Kind" value={filters.kind ?? ""} onChange={set("kind")}>
          <option value="">All kinds</option>
          {exchangeKindFilters.map((kind) => (
            <option key={kind} value={kind}>
              {kindFilterLabels[kind]}
            </option>
          ))}
        </FilterSelect>

        <FilterSelect label="Outcome" value={filters.outcome ?? ""} onChange={set("outcome")}>
          <option value="">Any outcome</option>
          {exchangeOutcomeFilters.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabels[outcome]}
            </option>
          ))}
        </FilterSelect>

        <FilterSelect
          label="Time"
          className="w-56"
          value={timeRange ? "custom" : ""}
          onChange={(preset) => {
            const chosen = timePresets.find(({ id }) => id === preset);
            if (preset === "") onChange({ from: null, to: null });
            if (chosen) {
              onChange({ from: new Date(Date.now() - chosen.ms).toISOString(), to: null });
            }
          }}
        >
          <option value="">Any time</option>
          {timePresets.map(({ id, label }) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
          {timeRange ? <option value="custom">{timeRange}</option> : null}
        </FilterSelect>

        <button
          type="button"
          aria-expanded={isMoreOpen}
          aria-controls={panelId}
          onClick={() => setMoreOpen(!isMoreOpen)}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        >
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            fill="currentColor"
            className={`h-3.5 w-3.5 text-slate-500 transition-transform ${isMoreOpen ? "rotate-90" : ""}`}
          >
            <path d="M6 3.5 10.5 8 6 12.5V3.5Z" />
          </svg>
          More filters
          {activeMore > 0 ? (
            <span className="rounded-full bg-indigo-100 px-1.5 text-xs font-semibold text-indigo-700">
              {activeMore}
            </span>
          ) : null}
        </button>
      </div>

      {isMoreOpen ? (
        <div
          id={panelId}
          className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 md:grid-cols-3 xl:grid-cols-6"
        >
          <DebouncedInput
            key={`Status code-${generation}`}
            label="Status code"
            inputMode="numeric"
            placeholder="e.g. 404"
            value={filters.status === undefined ? "" : String(filters.status)}
            onCommit={set("status")}
            isValid={(text) => parseStatus(text) !== undefined}
            invalidMessage="A status from 100 to 599"
          />
          <DebouncedInput
            key={`Endpoint host-${generation}`}
            label="Endpoint host"
            placeholder="api.example.com"
            maxLength={253}
            value={filters.host ?? ""}
            onCommit={(value) => onChange({ host: value.toLowerCase() || null })}
          />
          <DebouncedInput
            key={`Message id-${generation}`}
            label="Message id"
            placeholder="msg_…"
            maxLength={200}
            value={filters.messageId ?? ""}
            onCommit={set("messageId")}
          />
          <DebouncedInput
            key={`Run id-${generation}`}
            label="Run id"
            maxLength={64}
            value={filters.runId ?? ""}
            onCommit={set("runId")}
          />
          <InstantInput
            label="From"
            value={filters.from}
            onChange={(value) => onChange({ from: value })}
          />
          <InstantInput
            label="To"
            value={filters.to}
            onChange={(value) => onChange({ to: value })}
          />
        </div>
      ) : null}

      <FilterChips
        filters={filters}
        workflowName={workflowName}
        clearHref={clearHref}
        onRemove={(names) => {
          setGeneration(generation + 1);
          onChange(Object.fromEntries(names.map((name) => [name, null])));
        }}
      />
    </div>
  );
}

type InstantInputProps = {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
};

/** A date and time in the reader's zone, stored in the URL as an absolute instant. */
function InstantInput({ label, value, onChange }: InstantInputProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        className={inputClass}
        value={toLocalInput(value)}
        onChange={(event) => onChange(fromLocalInput(event.target.value))}
      />
    </div>
  );
}

type FilterSelectProps = {
  label: string;
  /** The width, when the choices need more than the usual. */
  className?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
};

function FilterSelect({ label, className = "w-44", value, onChange, children }: FilterSelectProps) {
  const id = useId();
  // A label wrapping a select would take the selected option into its name; `htmlFor` keeps
  // the name to the label alone.
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
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
