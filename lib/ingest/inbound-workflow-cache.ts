import type { Db } from "../db/client";
import { findInboundWorkflow, type InboundWorkflow } from "./ingest-store";

/**
 * How long a process answers from the workflow it read for a token. Changes made in the same
 * process are seen at once (see {@link forgetInboundWorkflows}); another process's changes, on
 * PostgreSQL with several web processes, within this time.
 */
export const INBOUND_WORKFLOW_CACHE_MS = 1_000;
/** Tokens remembered at once; past this the cache starts over rather than grow. */
const MAX_ENTRIES = 10_000;

type Entry = { workflow: InboundWorkflow; expiresAtMs: number };

// Next's route handlers, which change workflows, and the lean server, which reads them, may
// load this module separately in one process; they share one cache.
const cacheKey = Symbol.for("switchyard.inboundWorkflowCache");
const holder = globalThis as typeof globalThis & { [cacheKey]?: Map<string, Entry> };

function entries(): Map<string, Entry> {
  holder[cacheKey] ??= new Map();
  return holder[cacheKey];
}

/**
 * The workflow listening at `token`, as {@link findInboundWorkflow} reads it, from a short-lived
 * per-process cache: ingest reads it on every request, and at thousands of requests a second
 * the read was a tenth of an inbound request's CPU time. Unknown tokens are not cached, so a new
 * workflow's URL works at once.
 */
export async function cachedInboundWorkflow(
  db: Db,
  token: string,
  nowMs: number = Date.now(),
): Promise<InboundWorkflow | null> {
  const cache = entries();
  const cached = cache.get(token);
  if (cached && cached.expiresAtMs > nowMs) return cached.workflow;

  const workflow = await findInboundWorkflow(db, token);
  if (!workflow) {
    cache.delete(token);
    return null;
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(token, { workflow, expiresAtMs: nowMs + INBOUND_WORKFLOW_CACHE_MS });
  return workflow;
}

/** Drops every cached workflow; called after any change to a workflow in this process. */
export function forgetInboundWorkflows(): void {
  entries().clear();
}

/** Waits for `change` to a workflow to commit (or fail), then drops the cached workflows. */
export async function afterWorkflowChange<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetInboundWorkflows();
  }
}
