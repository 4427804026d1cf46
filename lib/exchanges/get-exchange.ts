import type { ExchangeView } from "../api/views";
import { getDb } from "../db/client";
import { toExchangeView } from "./exchange-views";
import { workflowNames } from "./list-exchanges";

/** How many of the exchanges that replay one exchange its detail lists by id. */
const LISTED_REPLAYS = 10;

/**
 * One exchange of the workspace with its full request and response, and the newest exchanges
 * that replay it.
 *
 * The replays are counted and listed by queries of their own rather than through the relation's
 * `_count`: Prisma writes that count on SQLite as a grouping of the whole workspace's exchanges
 * joined back to the row, which took most of a second at a million rows. Each query here reads
 * the replay index for this one id.
 */
export async function getExchange(workspaceId: string, id: string): Promise<ExchangeView | null> {
  const db = getDb();
  const replaysOf = { replayOfId: id, workspaceId };
  const [found, replays, replayCount] = await Promise.all([
    db.exchange.findFirst({
      where: { id, workspaceId },
      include: { step: { select: { nodeId: true } } },
    }),
    db.exchange.findMany({
      where: replaysOf,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LISTED_REPLAYS,
      select: { id: true },
    }),
    db.exchange.count({ where: replaysOf }),
  ]);
  if (!found) return null;

  const names = await workflowNames(workspaceId, [found.workflowId]);
  return toExchangeView(found, names.get(found.workflowId ?? "") ?? null, {
    ids: replays.map((replay) => replay.id),
    count: replayCount,
  });
}
