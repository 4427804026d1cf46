import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";

/** The stored delivery an attempt sends, with what the attempt needs to know around it. */
export type AttemptDelivery = {
  id: string;
  workspaceId: string;
  workflowId: string;
  runId: string;
  stepId: string;
  messageId: string;
  endpointUrl: string;
  /** Extra headers as stored: a JSON object. */
  headers: string;
  payload: string;
  status: string;
  attempts: number;
  timeoutMs: number;
  retryScheduleMs: string | null;
  scheduleStartAttempt: number;
};

export type AttemptContext = {
  delivery: AttemptDelivery;
  /** The Send webhook node that created the delivery. */
  nodeId: string;
  /** The version the delivery's run pinned, and the workflow's active version now. */
  pinnedVersionId: string;
  activeVersionId: string | null;
  /** Why the endpoint is disabled, when it is; null while it may be sent to. */
  disabledEndpoint: { reason: string | null } | null;
};

type ContextRow = AttemptDelivery & {
  nodeId: string;
  pinnedVersionId: string;
  activeVersionId: string | null;
  endpointStatus: string | null;
  disabledReason: string | null;
};

// One statement for both databases; its only parameter is the delivery id.
const CONTEXT_SQL = `
  SELECT d.id, d."workspaceId", d."workflowId", d."runId", d."stepId", d."messageId",
    d."endpointUrl", d.headers, d.payload, d.status, d.attempts, d."timeoutMs",
    d."retryScheduleMs", d."scheduleStartAttempt", s."nodeId",
    r."versionId" AS "pinnedVersionId", w."activeVersionId",
    e.status AS "endpointStatus", e."disabledReason"
  FROM "Delivery" d
  JOIN "Step" s ON s.id = d."stepId"
  JOIN "Run" r ON r.id = d."runId"
  JOIN "Workflow" w ON w.id = d."workflowId"
  LEFT JOIN "Endpoint" e ON e."workspaceId" = d."workspaceId" AND e.url = d."endpointUrl"
  WHERE d.id = ?`;

function contextOf(row: ContextRow): AttemptContext {
  const { nodeId, pinnedVersionId, activeVersionId, endpointStatus, disabledReason, ...delivery } =
    row;
  return {
    delivery,
    nodeId,
    pinnedVersionId,
    activeVersionId,
    disabledEndpoint: endpointStatus === "disabled" ? { reason: disabledReason } : null,
  };
}

/**
 * Reads everything one attempt starts from, in one SQL statement on the driver (the SQLite
 * connection or the PostgreSQL pool under the Prisma client), since it runs for every attempt.
 */
export async function loadAttemptContext(
  db: Db,
  deliveryId: string,
): Promise<AttemptContext | null> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const { rows } = await pool.query<ContextRow>({
      name: "switchyard_attempt_context",
      text: CONTEXT_SQL.replace("?", "$1"),
      values: [deliveryId],
    });
    return rows[0] ? contextOf(rows[0]) : null;
  }
  const connection = await sqliteConnectionOf(db);
  if (connection) {
    const row = await connection.read((sql) => sql.get<ContextRow>(CONTEXT_SQL, deliveryId));
    return row ? contextOf(row) : null;
  }

  throw new Error("The database client has no driver handle for the delivery path");
}
