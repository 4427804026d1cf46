import { EventEmitter } from "node:events";
import type { LiveEvent } from "../api/views";

/** What travels on the bus: a live event for browsers of one workspace, or a wake-up for workers. */
export type BusMessage =
  | { workspaceId: string; event: LiveEvent }
  | { workspaceId: null; event: { type: "job.enqueued" } };

type Listener = (message: BusMessage) => void;

// Route handlers and the embedded worker are bundled separately by Next but share one process;
// the emitter lives on globalThis so they share one bus.
const holder = globalThis as typeof globalThis & { __switchyardBus?: EventEmitter };

function bus(): EventEmitter {
  if (!holder.__switchyardBus) {
    holder.__switchyardBus = new EventEmitter();
    // Every open delivery log is a listener; there is no fixed small number of them.
    holder.__switchyardBus.setMaxListeners(0);
  }
  return holder.__switchyardBus;
}

/**
 * Publishes after the change it describes has been committed. In the embedded mode the bus is
 * in-process; delivery across processes is not available yet.
 */
export function publish(message: BusMessage): void {
  bus().emit("message", message);
}

/** Subscribes to every message; returns the function that unsubscribes. */
export function subscribe(listener: Listener): () => void {
  bus().on("message", listener);
  return () => bus().off("message", listener);
}

/** Tells workers in this process that a job is ready, so they claim it without waiting. */
export function wakeWorkers(): void {
  publish({ workspaceId: null, event: { type: "job.enqueued" } });
}
