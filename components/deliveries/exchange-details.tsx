import Link from "next/link";
import type { ReactNode } from "react";
import type { ExchangeFailure, ExchangeView } from "@/lib/api/views";
import { useCanEdit } from "@/components/shell/session-user";
import { useResendDelivery } from "@/lib/client/replay-mutations";
import { Button } from "../ui/button";
import { CompareMenu } from "./compare-menu";
import { CopyAsCurl } from "./copy-as-curl";
import { ExchangeStatus, KindBadge } from "./exchange-labels";
import { ExchangeTimings } from "./exchange-timings";
import { formatDuration, formatExactTime, formatHoursSpan } from "../ui/format";
import { BodyViewer, HeadersTable } from "./http-message";
import { DeliveryTimeline } from "./delivery-timeline";
import { ReplayWithEditsButton } from "./replay-dialog";

type ExchangeDetailsProps = {
  exchange: ExchangeView;
  /** Where the log shows another exchange in the inspector, keeping its filters. */
  hrefFor: (exchangeId: string) => string;
};

/** Everything recorded about one exchange: request line, timing, links, request and response. */
export function ExchangeDetails({ exchange, hrefFor }: ExchangeDetailsProps) {
  const canEdit = useCanEdit();
  const removedAfter = retentionAge(exchange);
  return (
    <div className="space-y-6 px-5 py-5">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <KindBadge kind={exchange.kind} attempt={exchange.attempt} />
          <ExchangeStatus {...exchange} />
          {canEdit && exchange.kind === "webhook_attempt" && exchange.deliveryId ? (
            <ResendButton deliveryId={exchange.deliveryId} />
          ) : null}
          <ReplayWithEditsButton exchange={exchange} hrefFor={hrefFor} />
        </div>
        <h2 className="break-all font-mono text-sm leading-relaxed text-slate-900">
          <span className="mr-2 font-semibold">{exchange.method}</span>
          {exchange.url}
        </h2>
      </div>

      <CopyAsCurl exchange={exchange} trailing={<CompareMenu exchange={exchange} />} />

      <ExchangeFacts exchange={exchange} hrefFor={hrefFor} />
      <DeliveryTimeline exchange={exchange} hrefFor={hrefFor} />

      <ExchangeTimings
        connectMs={exchange.connectMs}
        firstByteMs={exchange.firstByteMs}
        durationMs={exchange.durationMs}
      />

      {exchange.error ? (
        <div className="rounded-md bg-rose-50 px-3 py-2.5 ring-1 ring-inset ring-rose-200">
          <p className="text-xs font-medium text-rose-800">
            {failureLabels[exchange.failure ?? "other"]}
          </p>
          <p className="mt-0.5 break-words font-mono text-xs text-rose-700">{exchange.error}</p>
        </div>
      ) : null}

      <MessageSection title="Request">
        <Part title="Headers">
          <HeadersTable label="Request headers" headers={exchange.requestHeaders} />
        </Part>
        <Part title="Body">
          <BodyViewer
            label="Request body"
            body={exchange.requestBody}
            encoding={exchange.requestBodyEncoding}
            isTruncated={exchange.requestBodyTruncated}
            removedByRetention={exchange.requestBodyPruned ? removedAfter : null}
          />
        </Part>
      </MessageSection>

      <MessageSection title="Response">
        {exchange.responseStatus === null ? (
          <p className="text-sm text-slate-600">No response was received.</p>
        ) : (
          <>
            <p className="flex items-center gap-2 text-sm text-slate-600">
              Status <ExchangeStatus {...exchange} />
              <span className="text-slate-400">after {formatDuration(exchange.durationMs)}</span>
            </p>
            <Part title="Headers">
              <HeadersTable label="Response headers" headers={exchange.responseHeaders ?? {}} />
            </Part>
            <Part title="Body">
              <BodyViewer
                label="Response body"
                body={exchange.responseBody}
                encoding={exchange.responseBodyEncoding}
                isTruncated={exchange.responseBodyTruncated}
                removedByRetention={exchange.responseBodyPruned ? removedAfter : null}
              />
            </Part>
          </>
        )}
      </MessageSection>
    </div>
  );
}

const failureLabels: Record<ExchangeFailure, string> = {
  timeout: "Timed out",
  refused: "Refused before sending",
  connection: "Connection failed",
  signature: "Signature verification failed",
  other: "Error",
};

/** "after 7 days": how old the exchange was when retention cleared its bodies. */
function retentionAge(exchange: ExchangeView): string | null {
  if (!exchange.bodiesPrunedAt) return null;
  const ageMs = Date.parse(exchange.bodiesPrunedAt) - Date.parse(exchange.createdAt);
  return `after ${formatHoursSpan(ageMs / 3_600_000)}`;
}

/** Sends the attempt's delivery again, same message id, as a new attempt. */
function ResendButton({ deliveryId }: { deliveryId: string }) {
  const resend = useResendDelivery();

  return (
    <div className="ml-auto flex items-center gap-2">
      {resend.isSuccess ? (
        <p role="status" className="text-xs text-emerald-700">
          Resent: a new attempt is on its way.
        </p>
      ) : null}
      {resend.isError ? (
        <p role="alert" className="text-xs text-rose-600">
          {resend.error.message}
        </p>
      ) : null}
      <Button disabled={resend.isPending} onClick={() => resend.mutate(deliveryId)}>
        {resend.isPending ? "Resending…" : "Resend"}
      </Button>
    </div>
  );
}

const linkClass = "font-medium text-indigo-600 hover:text-indigo-500";

function ExchangeFacts({ exchange, hrefFor }: ExchangeDetailsProps) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-inset ring-slate-200">
      <Fact term="Time">
        <time dateTime={exchange.createdAt}>{formatExactTime(exchange.createdAt)}</time>
      </Fact>
      <Fact term="Workflow">
        {exchange.workflowId ? (
          <Link href={`/workflows/${exchange.workflowId}`} className={linkClass}>
            {exchange.workflowName ?? "Open workflow"}
          </Link>
        ) : (
          "—"
        )}
      </Fact>
      <Fact term="Run">
        {exchange.runId ? (
          <Link href={`/runs/${exchange.runId}`} className={linkClass}>
            View run
          </Link>
        ) : (
          "—"
        )}
      </Fact>
      {exchange.runId && exchange.stepName ? (
        <Fact term="Step">
          <Link href={`/runs/${exchange.runId}`} className={linkClass}>
            {exchange.stepName}
          </Link>
        </Fact>
      ) : null}
      {exchange.messageId ? (
        <Fact term="Message id">
          <span className="font-mono text-xs" title={exchange.messageId}>
            {exchange.messageId}
          </span>
        </Fact>
      ) : null}
      {exchange.deliveryId ? (
        <Fact term="Delivery">
          Attempt {exchange.attempt ?? "—"}{" "}
          <span className="font-mono text-xs text-slate-500" title={exchange.deliveryId}>
            {exchange.deliveryId}
          </span>
        </Fact>
      ) : null}
      {exchange.replayOfId ? (
        <Fact term="Replay of">
          <Link
            href={hrefFor(exchange.replayOfId)}
            scroll={false}
            title={exchange.replayOfId}
            className={linkClass}
          >
            View exchange
          </Link>
        </Fact>
      ) : null}
      {exchange.replayCount > 0 ? <ReplayedBy exchange={exchange} hrefFor={hrefFor} /> : null}
    </dl>
  );
}

/**
 * The exchanges that repeat this one. They are numbered from the first replay on, so a number
 * keeps naming the same replay as more arrive; only the newest few are listed.
 */
function ReplayedBy({ exchange, hrefFor }: ExchangeDetailsProps) {
  const unlisted = exchange.replayCount - exchange.replayIds.length;

  return (
    <div className="col-span-2 min-w-0">
      <dt className="text-xs text-slate-500">Replayed by</dt>
      <dd className="mt-0.5 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        {exchange.replayIds.map((id, index) => (
          <Link key={id} href={hrefFor(id)} scroll={false} title={id} className={linkClass}>
            Replay {exchange.replayCount - index}
          </Link>
        ))}
        {unlisted > 0 ? (
          <span className="text-xs text-slate-500">and {unlisted} earlier</span>
        ) : null}
      </dd>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5 truncate text-slate-800">{children}</dd>
    </div>
  );
}

function MessageSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-200 pt-5">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </div>
  );
}
