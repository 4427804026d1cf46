"use client";

import Link from "next/link";
import type { ExchangeFilters } from "@/lib/client/exchange-queries";
import { kindFilterLabels, outcomeLabels } from "./exchange-labels";
import { formatInstant } from "./time-range";
import type { FilterName } from "./use-delivery-params";

type Chip = { names: FilterName[]; label: string; value: string };

type FilterChipsProps = {
  filters: ExchangeFilters;
  workflowName: (id: string) => string | null;
  clearHref: string | null;
  onRemove: (names: FilterName[]) => void;
};

/** The active filters as chips, each removable on its own, and a way to clear them all. */
export function FilterChips({ filters, workflowName, clearHref, onRemove }: FilterChipsProps) {
  const chips = chipsFor(filters, workflowName);
  if (chips.length === 0) return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li
            key={chip.names.join()}
            className="inline-flex max-w-xs items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs text-indigo-900 ring-1 ring-inset ring-indigo-200"
          >
            <span className="font-medium text-indigo-700">{chip.label}:</span>
            <span className="truncate" title={chip.value}>
              {chip.value}
            </span>
            <button
              type="button"
              aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              onClick={() => onRemove(chip.names)}
              className="ml-0.5 rounded-full p-0.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            >
              <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="h-3 w-3">
                <path d="M4.28 3.22a.75.75 0 0 0-1.06 1.06L6.94 8l-3.72 3.72a.75.75 0 1 0 1.06 1.06L8 9.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L9.06 8l3.72-3.72a.75.75 0 0 0-1.06-1.06L8 6.94 4.28 3.22Z" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {clearHref ? (
        <Link
          href={clearHref}
          scroll={false}
          className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
        >
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}

function chipsFor(filters: ExchangeFilters, workflowName: (id: string) => string | null): Chip[] {
  const chips: Chip[] = [];
  const add = (names: FilterName[], label: string, value: string | undefined) => {
    if (value !== undefined) chips.push({ names, label, value });
  };
  add(["q"], "Search", filters.q && `“${filters.q}”`);
  add(
    ["workflowId"],
    "Workflow",
    filters.workflowId && (workflowName(filters.workflowId) ?? filters.workflowId),
  );
  add(["kind"], "Kind", filters.kind && kindFilterLabels[filters.kind]);
  add(["outcome"], "Outcome", filters.outcome && outcomeLabels[filters.outcome]);
  add(["status"], "Status", filters.status?.toString());
  add(["host"], "Host", filters.host);
  add(["from"], "From", filters.from && formatInstant(filters.from));
  add(["to"], "To", filters.to && formatInstant(filters.to));
  add(["messageId"], "Message id", filters.messageId);
  add(["runId"], "Run", filters.runId);
  return chips;
}
