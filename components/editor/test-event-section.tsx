"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import type { WorkflowView } from "@/lib/api/views";
import {
  inboundQueries,
  useListenForTestEvent,
  useStopListeningForTestEvent,
} from "@/lib/client/inbound-queries";
import { CapturedTestEvent } from "./captured-test-event";
import { InboundUrl } from "./inbound-url";
import { webhookVerificationOf } from "./inbound-verification-text";
import type { RunOutcome } from "./use-editor-commands";
import { formatMinutesSeconds, useSecondsLeft } from "./use-seconds-left";

/**
 * The test URL: listening for one request, what it captured, and a run of the draft with it.
 * A capture arrives as a live event, which refetches the test event; nothing polls.
 */
export function TestEventSection({
  workflow,
  canEdit,
  onRunWithTestEvent,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
  onRunWithTestEvent: () => Promise<RunOutcome>;
}) {
  const headingId = useId();
  const { data, error } = useQuery(inboundQueries.testEvent(workflow.id));
  const event = data?.event ?? null;
  const capturedRef = useRef<HTMLDivElement>(null);
  useScrollToNewCapture(capturedRef, data === undefined ? undefined : (event?.exchangeId ?? null));

  return (
    <section aria-labelledby={headingId} className="space-y-3 p-4">
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Test events
        </h3>
        <p className="mt-1 text-xs text-slate-500">
          Capture one request to build against. The draft&apos;s settings apply, active or not, and
          nothing runs until you ask.
        </p>
      </div>
      <InboundUrl
        label="Test URL"
        copyLabel="Copy test URL"
        path={workflow.inbound.testPath}
        layout="stacked"
      />
      {canEdit ? (
        <TestListener workflowId={workflow.id} listeningUntil={data?.listeningUntil ?? null} />
      ) : null}
      {error ? <p className="text-xs text-rose-600">{error.message}</p> : null}
      {event ? (
        <div ref={capturedRef}>
          <CapturedTestEvent
            event={event}
            verificationKind={webhookVerificationOf(workflow.draft)}
            actions={canEdit ? <RunWithTestEvent onRun={onRunWithTestEvent} /> : null}
          />
        </div>
      ) : data ? (
        <p className="text-xs text-slate-400">No request captured yet.</p>
      ) : null}
    </section>
  );
}

/**
 * Brings a request captured while the panel is open into view: it arrives below the listening
 * controls, often past the panel's fold. `exchangeId` is undefined until the first answer, and
 * the request already there by then stays where it is.
 */
function useScrollToNewCapture(
  ref: RefObject<HTMLElement | null>,
  exchangeId: string | null | undefined,
) {
  const shownId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (exchangeId === undefined) return;
    const isFirstAnswer = shownId.current === undefined;
    const isNew = exchangeId !== shownId.current;
    shownId.current = exchangeId;
    if (!isFirstAnswer && isNew && exchangeId !== null) {
      const element = ref.current;
      if (element) scrollWithinPanel(element);
    }
  }, [ref, exchangeId]);
}

/**
 * Scrolls the nearest scrolling ancestor only. `scrollIntoView` would also move the page's
 * clipped layout containers, which hide their overflow but can still be scrolled by script.
 */
function scrollWithinPanel(element: HTMLElement) {
  let container = element.parentElement;
  while (container && !/(auto|scroll)/.test(getComputedStyle(container).overflowY)) {
    container = container.parentElement;
  }
  if (!container) return;
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset - 8, behavior: "smooth" });
}

function TestListener({
  workflowId,
  listeningUntil,
}: {
  workflowId: string;
  listeningUntil: string | null;
}) {
  const queryClient = useQueryClient();
  const listen = useListenForTestEvent();
  const stop = useStopListeningForTestEvent();
  const secondsLeft = useSecondsLeft(listeningUntil);
  const isListening = listeningUntil !== null && secondsLeft > 0;
  const hasExpired = listeningUntil !== null && secondsLeft === 0;
  const failure = listen.error ?? stop.error;

  // One refetch when the window closes, so the state shown is the server's, not a guess.
  useEffect(() => {
    if (hasExpired) {
      void queryClient.invalidateQueries({
        queryKey: inboundQueries.testEvent(workflowId).queryKey,
      });
    }
  }, [hasExpired, queryClient, workflowId]);

  return (
    <div className="space-y-1.5">
      {isListening ? (
        <div className="flex items-center justify-between gap-2 rounded-md bg-indigo-50 px-2.5 py-2 ring-1 ring-indigo-200 ring-inset">
          <p role="status" className="flex items-center gap-2 text-xs font-medium text-indigo-800">
            <span aria-hidden className="relative flex h-2 w-2">
              <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-indigo-400 opacity-60" />
              <span className="relative inline-flex h-2 w-2 rounded-full bg-indigo-500" />
            </span>
            <span>
              Listening · <span className="tabular-nums">{formatMinutesSeconds(secondsLeft)}</span>{" "}
              left
            </span>
          </p>
          <Button
            variant="ghost"
            className="!px-2 !py-1 text-xs"
            disabled={stop.isPending}
            onClick={() => stop.mutate({ workflowId })}
          >
            Stop
          </Button>
        </div>
      ) : (
        <Button disabled={listen.isPending} onClick={() => listen.mutate({ workflowId })}>
          <span aria-hidden className="h-2 w-2 rounded-full bg-indigo-500" />
          Listen for a test event
        </Button>
      )}
      {isListening ? (
        <p className="text-xs text-slate-500">Send a request to the test URL; the first is kept.</p>
      ) : null}
      {failure ? (
        <p role="alert" className="text-xs text-rose-600">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}

function RunWithTestEvent({ onRun }: { onRun: () => Promise<RunOutcome> }) {
  const router = useRouter();
  const [isStarting, setIsStarting] = useState(false);
  const [failure, setFailure] = useState<Extract<RunOutcome, { ok: false }> | null>(null);

  async function run() {
    setIsStarting(true);
    setFailure(null);
    const outcome = await onRun();
    if (outcome.ok) {
      router.push(`/runs/${outcome.runId}`);
      return;
    }
    setIsStarting(false);
    setFailure(outcome);
  }

  return (
    <div className="space-y-1.5">
      <Button variant="primary" disabled={isStarting} onClick={() => void run()}>
        <span aria-hidden>▶</span>
        Run with this event
      </Button>
      {failure ? (
        <div role="alert" className="space-y-1 text-xs text-rose-700">
          <p className="font-medium">{failure.message}</p>
          {failure.problems.map((problem) => (
            <p key={problem.message}>{problem.message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
