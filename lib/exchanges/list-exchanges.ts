import type {
  ExchangeKindFilter,
  ExchangeOutcomeFilter,
  ExchangePage,
  ExchangeSummaryView,
} from "../api/views";
import { getDb, postgresPoolOf, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decodeExchangeCursor, encodeExchangeCursor, type ExchangeCursor } from "./exchange-cursor";
import { exchangeSummarySelect, toExchangeSummaryView } from "./exchange-views";

/** How many exchanges below the cursor a text search looks at, newest first. */
export const SEARCH_SCAN_LIMIT = 5_000;

/** How many candidates a search checks at a time where LIKE cannot match exactly. */
const CHECK_BATCH = 200;

/** The log's order: newest first, ties broken by id. */
const newestFirst = [
  { createdAt: "desc" },
  { id: "desc" },
] satisfies Prisma.ExchangeOrderByWithRelationInput[];

type SummaryRow = Prisma.ExchangeGetPayload<{ select: typeof exchangeSummarySelect }>;

export type ExchangeFilter = {
  workflowId?: string;
  runId?: string;
  kind?: ExchangeKindFilter;
  outcome?: ExchangeOutcomeFilter;
  /** The exact response status. */
  status?: number;
  /** A host name, matched case-insensitively. */
  host?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  messageId?: string;
  /** Text looked for, case-insensitively, in the URL and both bodies. */
  q?: string;
  cursor?: string;
  limit: number;
};

/**
 * One page of the delivery log, newest first, by keyset: a page stays the same while new
 * exchanges arrive above it, and the next page starts exactly where this one ended. Every
 * filter but `q` is served by an index read from its newest end. A text search looks only at
 * the newest {@link SEARCH_SCAN_LIMIT} exchanges below the cursor that match the other filters;
 * when that stops it short, the answer says so and `nextCursor` continues below them.
 */
export async function listExchanges(
  workspaceId: string,
  filter: ExchangeFilter,
): Promise<ExchangePage> {
  const db = getDb();
  const cursor = filter.cursor ? decodeExchangeCursor(filter.cursor) : null;
  const where: Prisma.ExchangeWhereInput[] = [filterWhere(workspaceId, filter)];
  if (cursor) where.push(below(cursor));
  const orderBy = newestFirst;

  if (filter.q === undefined) {
    const rows = await db.exchange.findMany({
      where: { AND: where },
      orderBy,
      take: filter.limit + 1,
      select: exchangeSummarySelect,
    });
    const page = rows.slice(0, filter.limit);
    const next = rows.length > filter.limit ? page[page.length - 1] : undefined;
    return {
      exchanges: await withWorkflowNames(workspaceId, page),
      nextCursor: next ? encodeExchangeCursor(next) : null,
      search: null,
    };
  }

  // The oldest exchange the search may look at, and whether any older one is left unsearched.
  const edge = await db.exchange.findMany({
    where: { AND: where },
    orderBy,
    skip: SEARCH_SCAN_LIMIT - 1,
    take: 2,
    select: { createdAt: true, id: true },
  });
  const oldestScanned = edge[0];
  const limitReached = edge.length === 2;
  if (oldestScanned) where.push(atOrAbove(oldestScanned));

  const rows = await findContaining(db, where, filter.q, filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const next =
    rows.length > filter.limit ? page[page.length - 1] : limitReached ? oldestScanned : undefined;
  return {
    exchanges: await withWorkflowNames(workspaceId, page),
    nextCursor: next ? encodeExchangeCursor(next) : null,
    search: { scanLimit: SEARCH_SCAN_LIMIT, limitReached },
  };
}

/** The conditions of every filter but the cursor and the text search. */
function filterWhere(workspaceId: string, filter: ExchangeFilter): Prisma.ExchangeWhereInput {
  return {
    workspaceId,
    ...(filter.workflowId !== undefined ? { workflowId: filter.workflowId } : {}),
    ...(filter.runId !== undefined ? { runId: filter.runId } : {}),
    ...(filter.kind === "replay"
      ? { isReplay: true }
      : filter.kind !== undefined
        ? { kind: filter.kind }
        : {}),
    ...(filter.outcome !== undefined ? outcomeWhere(filter.outcome) : {}),
    ...(filter.status !== undefined ? { responseStatus: filter.status } : {}),
    ...(filter.host !== undefined ? { host: filter.host.toLowerCase() } : {}),
    ...(filter.messageId !== undefined ? { messageId: filter.messageId } : {}),
    ...(filter.from !== undefined || filter.to !== undefined
      ? { createdAt: { gte: filter.from, lt: filter.to } }
      : {}),
  };
}

function outcomeWhere(outcome: ExchangeOutcomeFilter): Prisma.ExchangeWhereInput {
  switch (outcome) {
    case "timeout":
    case "refused":
      return { failure: outcome };
    case "signature_failed":
      return { failure: "signature" };
    default:
      return { outcome };
  }
}

/**
 * Strictly older than the cursor in (createdAt, id) order. The plain bound on createdAt comes
 * first so an index range starts at the cursor instead of scanning the newer rows above it.
 */
function below(cursor: ExchangeCursor): Prisma.ExchangeWhereInput {
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }],
  };
}

/** At or newer than `edge` in (createdAt, id) order. */
function atOrAbove(edge: ExchangeCursor): Prisma.ExchangeWhereInput {
  return {
    createdAt: { gte: edge.createdAt },
    OR: [{ createdAt: { gt: edge.createdAt } }, { id: { gte: edge.id } }],
  };
}

/**
 * Up to `take` exchanges matching `where` whose URL or either body contains `q`, ignoring case,
 * newest first. SQLite's LIKE has no escape character unless the query names one, which Prisma
 * does not, so a `%` or `_` in the search matches any text there: those candidates are checked
 * again here, a batch at a time.
 */
async function findContaining(
  db: Db,
  where: Prisma.ExchangeWhereInput[],
  q: string,
  take: number,
): Promise<SummaryRow[]> {
  const isPostgres = postgresPoolOf(db) !== null;
  const like = textMatch(isPostgres, q);
  if (isPostgres || !/[%_]/.test(q)) {
    return db.exchange.findMany({
      where: { AND: [...where, like] },
      orderBy: newestFirst,
      take,
      select: exchangeSummarySelect,
    });
  }

  const needle = q.toLowerCase();
  const found: SummaryRow[] = [];
  let after: ExchangeCursor | undefined;
  for (;;) {
    const batch = await db.exchange.findMany({
      where: { AND: [...where, like, ...(after ? [below(after)] : [])] },
      orderBy: newestFirst,
      take: CHECK_BATCH,
      select: { ...exchangeSummarySelect, requestBody: true, responseBody: true },
    });
    for (const { requestBody, responseBody, ...row } of batch) {
      const texts = [row.url, requestBody, responseBody];
      if (texts.some((text) => text?.toLowerCase().includes(needle))) found.push(row);
    }
    after = batch[batch.length - 1];
    if (found.length >= take || !after || batch.length < CHECK_BATCH) return found.slice(0, take);
  }
}

/**
 * The text in the URL or either body, ignoring case. Prisma passes `contains` to LIKE as it is.
 * PostgreSQL needs ILIKE, which Prisma writes for `mode: "insensitive"` (a PostgreSQL client's
 * option, so it is absent from the shared types), and takes `\` as LIKE's escape, so `%` and
 * `_` are searched as themselves. SQLite's LIKE folds ASCII letters itself.
 */
function textMatch(isPostgres: boolean, q: string): Prisma.ExchangeWhereInput {
  const contains: Prisma.StringFilter = { contains: isPostgres ? q.replace(/[\\%_]/g, "\\$&") : q };
  if (isPostgres) Object.assign(contains, { mode: "insensitive" });
  return { OR: [{ url: contains }, { requestBody: contains }, { responseBody: contains }] };
}

async function withWorkflowNames(
  workspaceId: string,
  rows: Parameters<typeof toExchangeSummaryView>[0][],
): Promise<ExchangeSummaryView[]> {
  const names = await workflowNames(
    workspaceId,
    rows.map((row) => row.workflowId),
  );
  return rows.map((row) => toExchangeSummaryView(row, names.get(row.workflowId ?? "") ?? null));
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
