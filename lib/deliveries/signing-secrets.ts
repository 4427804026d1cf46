import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import type { Graph } from "../workflow/graph";
import { sendWebhookNodeType, signingSecretPattern } from "../workflow/send-webhook-node-type";
import { parseStoredGraph } from "../workflows/stored-graph";

// A rotation works in two halves. Activating a version that changes a Send webhook node's secret
// retires the old one for a grace period (see `findReplacedSecrets`); until it expires, every
// attempt from that node is signed with the current secret and the retired ones, one
// `v1,<signature>` entry each, so a receiver still holding the old secret keeps accepting
// messages while it switches over.

/** A Send webhook node's secret that a newer version replaced, as stored until it expires. */
export type RetiredSecret = { id: string; secret: string; expiresAt: Date };

/** A secret that an activated version replaces, to be retired for the grace period. */
export type ReplacedSecret = { nodeId: string; secret: string };

/**
 * The signing secret of the Send webhook node `nodeId` in `graph`, or null when the graph has no
 * such node or its secret is not a Standard Webhooks secret.
 *
 * @example
 * signingSecretOf(graph, "send1"); // "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
 */
export function signingSecretOf(graph: Graph, nodeId: string): string | null {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (node?.type !== sendWebhookNodeType.type) return null;

  const secret = node.config["secret"];
  return typeof secret === "string" && signingSecretPattern.test(secret) ? secret : null;
}

/**
 * The secrets that activating `next` replaces: for each Send webhook node of `next` whose id also
 * names a Send webhook node of `previous` with a different secret, that earlier secret. Nodes
 * added or removed by `next` replace nothing.
 *
 * @example
 * findReplacedSecrets(v1, v2); // [{ nodeId: "send1", secret: "whsec_…" }]
 */
export function findReplacedSecrets(previous: Graph, next: Graph): ReplacedSecret[] {
  return next.nodes.flatMap((node) => {
    const before = signingSecretOf(previous, node.id);
    const after = signingSecretOf(next, node.id);
    return before !== null && after !== null && before !== after
      ? [{ nodeId: node.id, secret: before }]
      : [];
  });
}

/** Each Send webhook node's valid signing secret in one version, by node id. */
export type NodeSecrets = ReadonlyMap<string, string>;

/** The valid signing secrets of every Send webhook node in `graph`. */
export function nodeSecretsOf(graph: Graph): NodeSecrets {
  return new Map(
    graph.nodes.flatMap((node) => {
      const secret = signingSecretOf(graph, node.id);
      return secret === null ? [] : [[node.id, secret] as const];
    }),
  );
}

/**
 * The secret a node signs with now: the one in the workflow's active version when that version
 * still has the node, so a rotation reaches deliveries created before it; otherwise the one in
 * the version the delivery pinned.
 */
export function currentSigningSecret(
  nodeId: string,
  secrets: { active: NodeSecrets | null; pinned: NodeSecrets },
): string | null {
  return secrets.active?.get(nodeId) ?? secrets.pinned.get(nodeId) ?? null;
}

/**
 * Orders the secrets an attempt is signed with: `current` first, then the retired secrets still
 * valid at `now` in the order given, each secret once. Also names the retired rows that have
 * expired, so the caller can delete them.
 */
export function selectSigningSecrets(
  current: string | null,
  retired: readonly RetiredSecret[],
  now: Date,
): { secrets: string[]; expiredIds: string[] } {
  const isValid = (row: RetiredSecret) => row.expiresAt.getTime() > now.getTime();
  const valid = retired.filter(isValid).map((row) => row.secret);
  const candidates = current === null ? valid : [current, ...valid];

  return {
    secrets: [...new Set(candidates)],
    expiredIds: retired.filter((row) => !isValid(row)).map((row) => row.id),
  };
}

/** Which node of which workflow an attempt comes from, and the versions that hold its secret. */
export type SigningSource = {
  workflowId: string;
  nodeId: string;
  pinnedVersionId: string;
  activeVersionId: string | null;
};

// Versions never change once published, so their secrets are read and parsed once per process
// rather than at every attempt. Bounded: the oldest entry goes when the cache is full.
const VERSION_CACHE_SIZE = 1000;
const versionSecrets = new Map<string, NodeSecrets>();

async function secretsOfVersion(db: Db, versionId: string): Promise<NodeSecrets> {
  const cached = versionSecrets.get(versionId);
  if (cached) return cached;
  const version = await db.workflowVersion.findUnique({
    where: { id: versionId },
    select: { graph: true },
  });
  const secrets = version ? nodeSecretsOf(parseStoredGraph(version.graph)) : new Map();
  if (versionSecrets.size >= VERSION_CACHE_SIZE) {
    const oldest = versionSecrets.keys().next();
    if (!oldest.done) versionSecrets.delete(oldest.value);
  }
  versionSecrets.set(versionId, secrets);
  return secrets;
}

/** The node's retired secrets, newest first: one statement on the driver, at every attempt. */
async function retiredSecretsOf(
  db: Db,
  workflowId: string,
  nodeId: string,
): Promise<RetiredSecret[]> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const { rows } = await pool.query<RetiredSecret>({
      name: "switchyard_retired_secrets",
      text: `SELECT id, secret, ("expiresAt" AT TIME ZONE 'UTC') AS "expiresAt"
       FROM "RetiredSigningSecret"
       WHERE "workflowId" = $1 AND "nodeId" = $2 ORDER BY "retiredAt" DESC`,
      values: [workflowId, nodeId],
    });
    return rows;
  }
  const connection = await sqliteConnectionOf(db);
  if (!connection) throw new Error("The database client has no driver handle");
  const rows = await connection.read((sql) =>
    sql.all<{ id: string; secret: string; expiresAt: string }>(
      `SELECT id, secret, "expiresAt" FROM "RetiredSigningSecret"
       WHERE "workflowId" = ? AND "nodeId" = ? ORDER BY "retiredAt" DESC`,
      workflowId,
      nodeId,
    ),
  );
  return rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt) }));
}

/**
 * Loads the secrets one attempt of a delivery is signed with at `now`: the node's current secret
 * (see `currentSigningSecret`) and every unexpired secret retired from the same node, newest
 * first, without repeats. Empty when the node has no valid secret at all. Expired rows of the
 * node are deleted on the way, which is the only clean-up they get.
 */
export async function loadSigningSecrets(
  db: Db,
  source: SigningSource,
  now: Date,
): Promise<string[]> {
  const { workflowId, nodeId } = source;
  const current = currentSigningSecret(nodeId, {
    active: source.activeVersionId ? await secretsOfVersion(db, source.activeVersionId) : null,
    pinned: await secretsOfVersion(db, source.pinnedVersionId),
  });
  const retired = await retiredSecretsOf(db, workflowId, nodeId);
  const { secrets, expiredIds } = selectSigningSecrets(current, retired, now);
  if (expiredIds.length > 0) {
    await db.retiredSigningSecret.deleteMany({ where: { id: { in: expiredIds } } });
  }
  return secrets;
}
