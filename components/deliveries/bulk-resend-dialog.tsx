"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { Modal } from "@/components/ui/modal";
import { issuesByField } from "@/lib/client/api-fetch";
import {
  bulkResendCountQueryOptions,
  useResendFailedDeliveries,
  type BulkResendCount,
  type BulkResendFilter,
  type BulkResendResult,
} from "@/lib/client/bulk-resend-queries";
import { workflowQueries } from "@/lib/client/workflow-queries";
import { Button } from "../ui/button";
import { inputClass, TextField } from "../ui/field";
import { formatDeliveryCount } from "./format-delivery-count";

/** The inputs as typed; `from` and `to` are `datetime-local` values in the reader's time zone. */
type FormValues = { workflowId: string; endpointUrl: string; from: string; to: string };

/** Input settles for this long before the matching deliveries are counted again. */
const COUNT_DELAY_MS = 300;

const numberFormat = new Intl.NumberFormat("en");

type BulkResendDialogProps = {
  /** The workflow the log is filtered by, if any: the dialog starts with it. */
  initialWorkflowId?: string;
  onResent: (result: BulkResendResult) => void;
  onClose: () => void;
};

/**
 * Narrows the failed deliveries to resend, shows how many match before anything is sent, and
 * resends them on confirmation.
 */
export function BulkResendDialog({ initialWorkflowId, onResent, onClose }: BulkResendDialogProps) {
  const [values, setValues] = useState<FormValues>({
    workflowId: initialWorkflowId ?? "",
    endpointUrl: "",
    from: "",
    to: "",
  });
  const settledValues = useSettledValue(values, COUNT_DELAY_MS);
  const rangeError = rangeErrorOf(values);
  const count = useQuery({
    ...bulkResendCountQueryOptions(toFilter(settledValues)),
    enabled: rangeErrorOf(settledValues) === null,
  });
  const resend = useResendFailedDeliveries();
  useEscapeKeptFromPage();

  // A count is only confirmed for the filter it was made for, never for one still being typed.
  const isSettled = settledValues === values && rangeError === null;
  const currentCount = isSettled ? count.data : undefined;
  const canResend = !resend.isPending && (currentCount?.matched ?? 0) > 0;
  const fieldErrors = issuesByField(resend.error ?? count.error);
  const formError = resend.error ?? count.error;

  function change(name: keyof FormValues, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canResend) resend.mutate(toFilter(values), { onSuccess: onResent });
  }

  return (
    <Modal title="Resend failed deliveries" onClose={onClose}>
      <form className="space-y-4" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-600">
          Each matching failed delivery is sent again now, under its message id, with its retry
          schedule started afresh. Deliveries to disabled endpoints are left out.
        </p>

        <WorkflowSelect
          value={values.workflowId}
          error={fieldErrors.get("workflowId")}
          onChange={(value) => change("workflowId", value)}
        />
        <TextField
          label="Endpoint URL"
          type="url"
          value={values.endpointUrl}
          onChange={(event) => change("endpointUrl", event.target.value)}
          maxLength={2048}
          placeholder="All endpoints"
          hint="The exact URL, as the log shows it."
          error={fieldErrors.get("endpointUrl")}
          autoComplete="off"
        />
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-slate-700">Created</legend>
          <div className="space-y-3">
            <TextField
              label="From"
              type="datetime-local"
              value={values.from}
              onChange={(event) => change("from", event.target.value)}
              error={fieldErrors.get("from")}
            />
            <TextField
              label="To"
              type="datetime-local"
              value={values.to}
              onChange={(event) => change("to", event.target.value)}
              error={rangeError ?? fieldErrors.get("to")}
            />
          </div>
          <p className="text-xs text-slate-500">
            Your local time; leave either empty for no limit.
          </p>
        </fieldset>

        <MatchCount
          count={currentCount}
          isCounting={!currentCount && rangeError === null && !count.isError}
        />
        {formError ? (
          <p role="alert" className="text-sm text-rose-600">
            {formError.message}
          </p>
        ) : null}

        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!canResend}>
            {resend.isPending ? "Resending…" : confirmLabel(currentCount)}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Escape closes the dialog and nothing else: the exchange inspector behind it closes on Escape
 * too, listening on the document. While the dialog is open the key is stopped on its way
 * there, wherever focus is. The dialog's own close is the key's default action, not a
 * listener, so stopping the key leaves it intact.
 */
function useEscapeKeptFromPage() {
  useEffect(() => {
    const stopEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") event.stopPropagation();
    };
    window.addEventListener("keydown", stopEscape, { capture: true });
    return () => window.removeEventListener("keydown", stopEscape, { capture: true });
  }, []);
}

function WorkflowSelect({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const workflows = useQuery(workflowQueries.list());
  const isKnown = workflows.data?.some((workflow) => workflow.id === value) ?? false;

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Workflow
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <option value="">All workflows</option>
        {workflows.data?.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
        {value && !isKnown ? (
          <option value={value}>{workflows.isPending ? "Loading…" : "Deleted workflow"}</option>
        ) : null}
      </select>
      {error ? (
        <p id={errorId} className="text-xs text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The dry run's answer, announced as it changes. */
function MatchCount({
  count,
  isCounting,
}: {
  count: BulkResendCount | undefined;
  isCounting: boolean;
}) {
  let text: ReactNode = null;
  if (count) text = describeCount(count);
  else if (isCounting) text = <span className="text-slate-500">Counting failed deliveries…</span>;

  return (
    <p
      role="status"
      className="min-h-10 rounded-md bg-slate-50 px-3 py-2.5 text-sm text-slate-800 ring-1 ring-inset ring-slate-200 empty:hidden"
    >
      {text}
    </p>
  );
}

function describeCount({ matched, hasMore }: BulkResendCount): ReactNode {
  if (hasMore) {
    return (
      <>
        <strong className="font-semibold">{numberFormat.format(matched)} or more</strong> failed
        deliveries match. One resend takes the oldest {numberFormat.format(matched)}; resend again
        for the rest.
      </>
    );
  }
  if (matched === 0) return "No failed deliveries match.";
  return (
    <>
      <strong className="font-semibold">{numberFormat.format(matched)}</strong> failed{" "}
      {matched === 1 ? "delivery matches" : "deliveries match"}.
    </>
  );
}

function confirmLabel(count: BulkResendCount | undefined): string {
  if (!count || count.matched === 0) return "Resend";
  if (count.hasMore) return `Resend the oldest ${numberFormat.format(count.matched)}`;
  return `Resend ${formatDeliveryCount(count.matched)}`;
}

function toFilter(values: FormValues): BulkResendFilter {
  return {
    workflowId: values.workflowId || undefined,
    endpointUrl: values.endpointUrl.trim() || undefined,
    from: toInstant(values.from),
    to: toInstant(values.to),
  };
}

/** A `datetime-local` value, read in the browser's time zone, as an ISO instant. */
function toInstant(localValue: string): string | undefined {
  if (localValue === "") return undefined;
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function rangeErrorOf(values: FormValues): string | null {
  const from = toInstant(values.from);
  const to = toInstant(values.to);
  if (!from || !to || Date.parse(from) < Date.parse(to)) return null;
  return "The end must be after the start.";
}

/** `value`, once it has stopped changing for `delayMs`. */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
