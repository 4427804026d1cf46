import type { ExchangePage } from "../api/views";
import { getDb } from "../db/client";
import { decodeExchangeCursor, encodeExchangeCursor } from "./exchange-cursor";
import { exchangeSummarySelect, toExchangeSummaryView } from "./exchange-views";

export type ExchangeFilter = {
  workflowId?: string;
  kind?: "inbound" | "api_call" | "webhook_attempt";
  outcome?: "success" | "client_error" | "server_error" | "failed" | "other";
  runId?: string;
  cursor?: string;
  limit: number;
};

/**
 * One page of the delivery log, newest first, by keyset: a page stays the same while new
 * exchanges arrive above it, and the next page starts exactly where this one ended.
 */
export async function listExchanges(
  workspaceId: string,
  filter: ExchangeFilter,
): Promise<ExchangePage> {
  const db = getDb();
  const cursor = filter.cursor ? decodeExchangeCursor(filter.cursor) : null;
  const rows = await db.exchange.findMany({
    where: {
      workspaceId,
      ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.runId ? { runId: filter.runId } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    select: exchangeSummarySelect,
  });

  const page = rows.slice(0, filter.limit);
  const names = await workflowNames(
    workspaceId,
    page.map((row) => row.workflowId),
  );
  const last = page[page.length - 1];
  return {
    exchanges: page.map((row) =>
      toExchangeSummaryView(row, names.get(row.workflowId ?? "") ?? null),
    ),
    nextCursor: rows.length > filter.limit && last ? encodeExchangeCursor(last) : null,
  };
}

/** Names of the workflows on a page, in one query. Deleted workflows have none. */
export async function workflowNames(
  workspaceId: string,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const workflows = await getDb().workflow.findMany({
    where: { workspaceId, id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(workflows.map((w) => [w.id, w.name]));
}
