"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { DeliveryStatus, LiveEvent, RunStatus } from "../api/views";

/** Where the live stream stands: `open` means events are arriving as they happen. */
export type LiveConnection = "connecting" | "open" | "reconnecting" | "offline";

type LiveEventsOptions = {
  /** Called when the stream opens again after a drop: events sent meanwhile were missed. */
  onReconnect?: () => void;
};

const EVENTS_PATH = "/api/events";

/**
 * The browser only retries on its own after a network drop; an error status (a restarting
 * server behind a proxy, an expired session) closes the stream for good, so we reopen it
 * ourselves after this pause.
 */
const REOPEN_AFTER_CLOSE_MS = 5_000;

const runStatuses: readonly RunStatus[] = ["queued", "running", "succeeded", "failed"];
const deliveryStatuses: readonly DeliveryStatus[] = ["pending", "delivered", "failed"];

/**
 * Reads one Server-Sent Event payload. Anything that is not a well-formed event of a known
 * type gives `null`, so a newer server can add event types without breaking older pages.
 */
export function parseLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;

  const record = value as Record<string, unknown>;
  // A capture has no id of its own: the editor refetches the workflow's one test event.
  if (record.type === "test-event.captured") {
    const { workflowId } = record;
    return typeof workflowId === "string" ? { type: "test-event.captured", workflowId } : null;
  }
  const id = record.id;
  if (typeof id !== "string") return null;

  switch (record.type) {
    case "exchange.created":
      return {
        type: "exchange.created",
        id,
        workflowId: stringOrNull(record.workflowId),
        runId: stringOrNull(record.runId),
      };
    case "run.updated": {
      const { workflowId, status } = record;
      if (typeof workflowId !== "string" || !isOneOf(status, runStatuses)) return null;
      return { type: "run.updated", id, workflowId, status };
    }
    case "run.responded": {
      const { workflowId } = record;
      return typeof workflowId === "string" ? { type: "run.responded", id, workflowId } : null;
    }
    case "delivery.updated": {
      const { runId, status } = record;
      if (typeof runId !== "string" || !isOneOf(status, deliveryStatuses)) return null;
      return { type: "delivery.updated", id, runId, status };
    }
    default:
      return null;
  }
}

/**
 * Subscribes to the workspace's live events for as long as the calling component is mounted,
 * over one `EventSource` on `/api/events`. Call it once per page and fan the events out from
 * there; every call opens its own connection.
 *
 * @example
 * const connection = useLiveEvents((event) => {
 *   if (event.type === "run.updated") void queryClient.invalidateQueries({ queryKey: ["runs", event.id] });
 * });
 */
export function useLiveEvents(
  onEvent: (event: LiveEvent) => void,
  options: LiveEventsOptions = {},
): LiveConnection {
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  const handlers = useRef({ onEvent, onReconnect: options.onReconnect });

  useEffect(() => {
    handlers.current = { onEvent, onReconnect: options.onReconnect };
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let hasOpenedBefore = false;

    function open() {
      source = new EventSource(EVENTS_PATH);
      // The first open does not resync: the page's queries are loading at that moment. An event
      // committed between a query's answer and this open is missed until the next event.
      source.onopen = () => {
        setConnection("open");
        if (hasOpenedBefore) handlers.current.onReconnect?.();
        hasOpenedBefore = true;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        const event = parseLiveEvent(message.data);
        if (event) handlers.current.onEvent(event);
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setConnection("offline");
          source.close();
          reopenTimer = setTimeout(open, REOPEN_AFTER_CLOSE_MS);
        } else {
          setConnection("reconnecting");
        }
      };
    }

    open();
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, []);

  return connection;
}

/**
 * Runs `callback` at most once per `intervalMs` however often the result is called: the first
 * call of a burst runs almost at once, later ones fold into a single run at the end of the
 * interval, so the newest state is never skipped.
 */
export function createThrottle(callback: () => void, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRunAt = 0;

  function run() {
    if (timer !== undefined) return;
    const waitMs = Math.max(0, lastRunAt + intervalMs - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      lastRunAt = Date.now();
      callback();
    }, waitMs);
  }

  function cancel() {
    clearTimeout(timer);
    timer = undefined;
  }

  return { run, cancel };
}

/**
 * `createThrottle` bound to a component: always calls the latest `callback`, and drops a
 * pending run on unmount. Use it to turn a burst of live events into one refetch.
 */
export function useThrottledCallback(callback: () => void, intervalMs: number): () => void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });

  const throttle = useMemo(() => createThrottle(() => latest.current(), intervalMs), [intervalMs]);
  useEffect(() => throttle.cancel, [throttle]);

  return throttle.run;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}
