import type { ExchangeFilter } from "../lib/exchanges/list-exchanges";
import type { LogProbes } from "./exchange-log-rows";

/** One filter of the log's first page, as a person would set it. */
export type FilterProbe = { name: string; filter: Omit<ExchangeFilter, "limit" | "cursor"> };

/** p50, p95 and the slowest of repeated calls, in milliseconds. */
export type CallTiming = { p50Ms: number; p95Ms: number; maxMs: number };

/** What the reads process is given. */
export type LogReadsInput = { workspaceId: string; samples: number; probes: LogProbes };

/** What the reads process measured on one database. */
export type LogReadsResult = {
  /** The newest page of the whole table by its createdAt index, without any filter. */
  baseline: CallTiming;
  /** The log's first page per filter, and how many rows it held. */
  filters: (CallTiming & { name: string; rows: number })[];
  /** Opening one exchange, over `opened` ids spread across the log; `found` must equal it. */
  open: CallTiming & { opened: number; found: number };
};

/** The first page with no filter, then with each filter of the log on its own. */
export function logFilterProbes(probes: LogProbes): FilterProbe[] {
  return [
    { name: "no filter", filter: {} },
    { name: "workflow", filter: { workflowId: probes.workflowId } },
    { name: "kind=webhook_attempt", filter: { kind: "webhook_attempt" } },
    { name: "kind=replay", filter: { kind: "replay" } },
    { name: "outcome=success", filter: { outcome: "success" } },
    { name: "outcome=server_error", filter: { outcome: "server_error" } },
    { name: "outcome=timeout", filter: { outcome: "timeout" } },
    { name: "outcome=refused", filter: { outcome: "refused" } },
    { name: "outcome=signature_failed", filter: { outcome: "signature_failed" } },
    { name: `status=${probes.status}`, filter: { status: probes.status } },
    { name: "host", filter: { host: probes.host } },
    { name: "one day mid-log", filter: { from: probes.dayFrom, to: probes.dayTo } },
    { name: "message id", filter: { messageId: probes.messageId } },
    { name: "run id", filter: { runId: probes.runId } },
    { name: `q=${probes.rareWord}`, filter: { q: probes.rareWord } },
  ];
}
