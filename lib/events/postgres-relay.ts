import { randomUUID } from "node:crypto";
import pg from "pg";
import { log } from "../log";

/** The channel every Switchyard process listens on. */
const CHANNEL = "switchyard_events";
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; ours are ids and states. */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

export type Relay = {
  /** Sends a message to every other process; the caller has already delivered it here. */
  forward(message: unknown): void;
  close(): Promise<void>;
};

/**
 * Carries bus messages between processes through LISTEN/NOTIFY on the database they share. One
 * dedicated connection listens and notifies; it reconnects with backoff when the server drops
 * it. Each message carries this process's id, so the process skips its own echo.
 *
 * Delivery is best effort, as the bus is everywhere: a message sent while the connection is
 * down is dropped (workers still poll, and browsers refetch when their stream reconnects).
 */
export function startPostgresRelay(url: string, deliver: (message: unknown) => void): Relay {
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  // One query at a time on the listening connection, in publish order.
  let sending: Promise<unknown> = Promise.resolve();

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      try {
        const envelope = JSON.parse(notification.payload) as { origin?: string; message?: unknown };
        if (envelope.origin !== origin) deliver(envelope.message);
      } catch (error) {
        log.warn({ err: error }, "ignored a malformed event notification");
      }
    });
    next.on("error", (error) => {
      log.warn({ err: error }, "the event connection failed; reconnecting");
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    failures = 0;
  }

  function scheduleReconnect(): void {
    if (closed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
    failures += 1;
    setTimeout(() => {
      connect().catch((error: unknown) => {
        log.warn({ err: error }, "could not reach the database for events; retrying");
        scheduleReconnect();
      });
    }, delay).unref();
  }

  const ready = connect().catch((error: unknown) => {
    log.warn({ err: error }, "could not reach the database for events; retrying");
    scheduleReconnect();
  });

  return {
    forward(message) {
      const payload = JSON.stringify({ origin, message });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        log.warn({ bytes: Buffer.byteLength(payload) }, "event too large to relay; kept local");
        return;
      }
      sending = sending
        .then(() => ready)
        .then(() => client?.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]))
        .catch((error: unknown) => log.warn({ err: error }, "could not relay an event"));
    },
    async close() {
      closed = true;
      await ready;
      await sending;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
