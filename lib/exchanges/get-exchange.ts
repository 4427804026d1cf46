import type { ExchangeView } from "../api/views";
import { getDb } from "../db/client";
import { toExchangeView } from "./exchange-views";
import { workflowNames } from "./list-exchanges";

/** One exchange of the workspace with its full request and response. */
export async function getExchange(workspaceId: string, id: string): Promise<ExchangeView | null> {
  const row = await getDb().exchange.findFirst({ where: { id, workspaceId } });
  if (!row) return null;
  const names = await workflowNames(workspaceId, [row.workflowId]);
  return toExchangeView(row, names.get(row.workflowId ?? "") ?? null);
}
