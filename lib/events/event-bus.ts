import { EventEmitter } from "node:events";
import type { LiveEvent } from "../api/views";
import { getConfig } from "../env";
import { startPostgresRelay, type Relay } from "./postgres-relay";

/**
 * What travels on the bus: a live event for browsers of one workspace, a wake-up for workers,
 * or word that installation-wide settings changed, so every process reloads its cached copy.
 */
export type BusMessage =
  | { workspaceId: string; event: LiveEvent }
  | { workspaceId: null; event: { type: "job.enqueued" } }
  | { workspaceId: null; event: { type: "settings.changed"; settings: "redaction" } };

type Listener = (message: BusMessage) => void;

// Route handlers and the embedded worker are bundled separately by Next but share one process;
// the emitter lives on globalThis so they share one bus.
const holder = globalThis as typeof globalThis & {
  __switchyardBus?: EventEmitter;
  __switchyardRelay?: Relay | null;
};

function bus(): EventEmitter {
  if (!holder.__switchyardBus) {
    holder.__switchyardBus = new EventEmitter();
    // Every open delivery log is a listener; there is no fixed small number of them.
    holder.__switchyardBus.setMaxListeners(0);
  }
  return holder.__switchyardBus;
}

/**
 * On PostgreSQL, messages also travel to the other processes on the same database (web processes
 * and workers) through LISTEN/NOTIFY. On SQLite everything runs in one process and the bus stays
 * in it.
 */
function relay(): Relay | null {
  if (holder.__switchyardRelay === undefined) {
    const database = getConfig().database;
    holder.__switchyardRelay =
      database.kind === "postgresql"
        ? startPostgresRelay(database.url, (message) => bus().emit("message", message))
        : null;
  }
  return holder.__switchyardRelay;
}

/** Publishes after the change it describes has been committed, here and to other processes. */
export function publish(message: BusMessage): void {
  bus().emit("message", message);
  relay()?.forward(message);
}

/** Subscribes to every message, from this process or another; returns the unsubscriber. */
export function subscribe(listener: Listener): () => void {
  relay();
  bus().on("message", listener);
  return () => bus().off("message", listener);
}

/** Tells workers, in this process and others, that a job is ready, so they claim it at once. */
export function wakeWorkers(): void {
  publish({ workspaceId: null, event: { type: "job.enqueued" } });
}

/** Closes the connection to other processes, if there is one; for orderly exits and tests. */
export async function closeRelay(): Promise<void> {
  const current = holder.__switchyardRelay;
  holder.__switchyardRelay = undefined;
  await current?.close();
}
