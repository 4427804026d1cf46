import Link from "next/link";
import type { StepView } from "@/lib/api/views";
import { isRecord } from "@/lib/workflow/is-record";
import { formatDuration, formatExactTime } from "../ui/format";
import { JsonBlock } from "./json-block";
import { DeliveryStatusBadge, RunStatusBadge } from "./status-badges";

/** One node's execution: status, timing, error, input and output, and the traffic it caused. */
export function StepCard({ step, number }: { step: StepView; number: number }) {
  return (
    <li className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3">
        <span
          aria-hidden
          className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600"
        >
          {number}
        </span>
        <h3 className="font-mono text-sm font-semibold text-slate-900">{step.nodeId}</h3>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">
          {step.nodeType}
        </span>
        <RunStatusBadge status={step.status} />
        <span className="ml-auto text-xs tabular-nums text-slate-500">
          <StepTiming step={step} />
        </span>
      </div>

      <div className="space-y-3 px-4 py-3">
        {step.error ? (
          <p className="break-words rounded-md bg-rose-50 px-3 py-2 font-mono text-xs text-rose-700 ring-1 ring-inset ring-rose-200">
            {step.error}
          </p>
        ) : null}
        {step.status === "skipped" ? (
          <p className="text-xs text-slate-500">
            Not run: only a branch of a Condition that was not taken leads here.
          </p>
        ) : (
          <div className="grid items-start gap-3 md:grid-cols-2">
            <JsonBlock label="Input" value={step.input} />
            <JsonBlock label="Output" value={step.output} />
          </div>
        )}
        {step.exchangeIds.length > 0 ? <StepExchanges exchangeIds={step.exchangeIds} /> : null}
        {step.deliveries.length > 0 ? <StepDeliveries deliveries={step.deliveries} /> : null}
      </div>
    </li>
  );
}

/** How long the step took, or, while a Delay waits, until when it waits. */
function StepTiming({ step }: { step: StepView }) {
  const waitUntil = step.status === "waiting" ? waitUntilOf(step.output) : undefined;
  if (waitUntil !== undefined) {
    return (
      <time dateTime={waitUntil} className="font-medium text-violet-700">
        Waiting until {formatExactTime(waitUntil)}
      </time>
    );
  }
  if (step.status === "skipped") return null;
  return step.durationMs === null ? "In progress" : formatDuration(step.durationMs);
}

function waitUntilOf(output: unknown): string | undefined {
  if (!isRecord(output)) return undefined;
  const waitUntil = output["waitUntil"];
  return typeof waitUntil === "string" ? waitUntil : undefined;
}

function StepExchanges({ exchangeIds }: { exchangeIds: string[] }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <span className="font-medium text-slate-500">Exchanges</span>
      {exchangeIds.map((exchangeId, index) => (
        <Link
          key={exchangeId}
          href={`/deliveries?exchange=${encodeURIComponent(exchangeId)}`}
          title={exchangeId}
          className="rounded bg-indigo-50 px-2 py-0.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100"
        >
          Exchange {index + 1}
        </Link>
      ))}
    </div>
  );
}

function StepDeliveries({ deliveries }: { deliveries: StepView["deliveries"] }) {
  return (
    <table className="w-full text-xs">
      <caption className="pb-1 text-left font-medium text-slate-500">Deliveries</caption>
      <thead className="text-left text-slate-500">
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 pr-3 font-medium">
            Message id
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Status
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Attempts
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <td className="break-all py-1.5 pr-3 font-mono text-slate-800">{delivery.messageId}</td>
            <td className="py-1.5 pr-3">
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td className="py-1.5 text-right tabular-nums text-slate-700">{delivery.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
