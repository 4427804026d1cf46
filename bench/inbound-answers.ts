import type { HttpAnswer } from "./inbound-http-answer";

/** A request the server acknowledged, and the run its answer named (none for the baseline). */
export type Acknowledgement = { sequence: number; runId: string | null };

/** Numbers request bodies for one scenario, so every request of every phase is told apart. */
export type SequenceSource = { next(): number };

/** A source that counts from 1. */
export function createSequenceSource(): SequenceSource {
  let last = 0;
  return { next: () => (last += 1) };
}

/** Whether an answer acknowledges the request: any 2xx. */
export function isAcknowledgement(answer: HttpAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/**
 * The run id of a 202 `{"runId": ...}`, or null when the body names none; read with a search,
 * not a parse, since the load generator reads tens of thousands a second.
 */
export function runIdOf(body: string): string | null {
  const match = /"runId":"([^"]+)"/.exec(body);
  return match?.[1] ?? null;
}

/** Adds one to `key`'s count. */
export function countInto(counts: Record<string, number>, key: string | number): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
