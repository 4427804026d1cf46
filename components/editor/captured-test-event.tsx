"use client";

import { useId, useMemo, type ReactNode } from "react";
import { HeadersTable } from "@/components/deliveries/http-message";
import { Badge } from "@/components/ui/badge";
import { formatJson } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TestEvent } from "@/lib/ingest/test-capture";
import type { VerificationKind } from "@/lib/workflow/webhook-trigger-node-type";
import { TemplatePathList } from "./template-path-list";

/**
 * The request the test URL captured last, as the trigger will see it: request line, whether it
 * passed verification, body, query and headers, and the template paths it offers.
 */
export function CapturedTestEvent({
  event,
  verificationKind,
  actions,
}: {
  event: TestEvent;
  verificationKind: VerificationKind | null;
  /** What can be done with the request, shown before its details so it stays in view. */
  actions?: ReactNode;
}) {
  const headingId = useId();
  const headerCount = Object.keys(event.headers).length;
  const hasQuery = Object.keys(event.query).length > 0;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h4 id={headingId} className="text-xs font-semibold text-slate-900">
          Captured request
        </h4>
        <RelativeTime iso={event.receivedAt} className="shrink-0 text-[11px] text-slate-400" />
      </div>
      <p className="flex min-w-0 items-center gap-2">
        <Badge tone="blue">{event.method}</Badge>
        <code className="min-w-0 truncate font-mono text-xs text-slate-700" title={event.path}>
          {event.path}
        </code>
      </p>
      <VerificationOutcome event={event} kind={verificationKind} />
      {actions}
      <TestEventBody event={event} />
      {hasQuery ? (
        <div className="space-y-1">
          <h5 className="text-xs font-medium text-slate-700">Query</h5>
          <HeadersTable label="Captured query" headers={event.query} />
        </div>
      ) : null}
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-slate-700 select-none hover:text-slate-900">
          Headers <span className="font-normal text-slate-400">({headerCount})</span>
        </summary>
        <div className="mt-1 rounded-md bg-white px-2 ring-1 ring-slate-200">
          <HeadersTable label="Captured headers" headers={event.headers} />
        </div>
      </details>
      <TemplatePathList event={event} />
    </section>
  );
}

function VerificationOutcome({ event, kind }: { event: TestEvent; kind: VerificationKind | null }) {
  const { verification } = event;
  if (!verification.ok) {
    return (
      <p className="text-xs text-rose-700">
        <span className="font-medium">Failed verification:</span> {verification.reason}. The sender
        got 401; production would start nothing.
      </p>
    );
  }
  if (kind === "none" || kind === null) {
    return <p className="text-xs text-slate-500">Not verified: verification is none.</p>;
  }
  return <p className="text-xs font-medium text-emerald-700">Passed verification</p>;
}

function TestEventBody({ event }: { event: TestEvent }) {
  const text = useMemo(() => bodyText(event), [event]);
  return (
    <div className="space-y-1">
      <h5 className="text-xs font-medium text-slate-700">
        Body{" "}
        <span className="font-normal text-slate-400">{encodingLabels[event.bodyEncoding]}</span>
      </h5>
      {text === null ? (
        <p className="text-xs text-slate-400 italic">No body</p>
      ) : (
        <pre
          aria-label="Captured body"
          className="max-h-60 overflow-auto rounded-md bg-white px-2.5 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200"
        >
          {text}
        </pre>
      )}
    </div>
  );
}

const encodingLabels: Record<TestEvent["bodyEncoding"], string> = {
  json: "JSON",
  form: "form fields",
  text: "text",
  base64: "base64 of the bytes",
  empty: "empty",
};

function bodyText(event: TestEvent): string | null {
  switch (event.bodyEncoding) {
    case "empty":
      return null;
    case "json":
    case "form":
      return formatJson(event.body);
    case "text":
    case "base64":
      return typeof event.body === "string" ? event.body : formatJson(event.body);
  }
}
