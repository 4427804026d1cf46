import type { ExchangeView } from "../api/views";
import { getDb } from "../db/client";
import { toExchangeView } from "./exchange-views";
import { workflowNames } from "./list-exchanges";

/** How many of the exchanges that replay one exchange its detail lists by id. */
const LISTED_REPLAYS = 10;

/**
 * One exchange of the workspace with its full request and response, and the newest exchanges
 * that replay it.
 */
export async function getExchange(workspaceId: string, id: string): Promise<ExchangeView | null> {
  const found = await getDb().exchange.findFirst({
    where: { id, workspaceId },
    include: {
      step: { select: { nodeId: true } },
      replays: {
        where: { workspaceId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LISTED_REPLAYS,
        select: { id: true },
      },
      _count: { select: { replays: { where: { workspaceId } } } },
    },
  });
  if (!found) return null;

  const { replays, _count, ...row } = found;
  const names = await workflowNames(workspaceId, [row.workflowId]);
  return toExchangeView(row, names.get(row.workflowId ?? "") ?? null, {
    ids: replays.map((replay) => replay.id),
    count: _count.replays,
  });
}
