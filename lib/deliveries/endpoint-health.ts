import type { Db, Tx } from "../db/client";

/** Default of how long an endpoint may fail without a single success before it is disabled. */
export const DEFAULT_ENDPOINT_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

export type DisabledEndpoint = { id: string; disabledAt: Date | null; reason: string | null };

/** The endpoint at `url` in a workspace, when it has been disabled. */
export async function findDisabledEndpoint(
  db: Db,
  workspaceId: string,
  url: string,
): Promise<DisabledEndpoint | null> {
  const endpoint = await db.endpoint.findUnique({
    where: { workspaceId_url: { workspaceId, url } },
    select: { id: true, status: true, disabledAt: true, disabledReason: true },
  });
  if (endpoint?.status !== "disabled") return null;
  return { id: endpoint.id, disabledAt: endpoint.disabledAt, reason: endpoint.disabledReason };
}

export type EndpointOutcome =
  { type: "succeeded" } | { type: "failed" } | { type: "gone"; reason: string };

/**
 * Records what one attempt says about its endpoint, in the caller's transaction: a success
 * clears the failing streak; a failure starts one or, once it has lasted `disableAfterMs`,
 * disables the endpoint; 410 Gone disables it at once. Returns the reason when this call
 * disabled the endpoint.
 */
export async function recordEndpointOutcome(
  tx: Tx,
  endpoint: { workspaceId: string; url: string },
  outcome: EndpointOutcome,
  options: { now: Date; disableAfterMs: number },
): Promise<string | null> {
  const { now } = options;
  const key = { workspaceId_url: endpoint };
  if (outcome.type === "succeeded") {
    await tx.endpoint.updateMany({ where: endpoint, data: { failingSince: null } });
    return null;
  }

  const current = await tx.endpoint.upsert({
    where: key,
    create: { ...endpoint, failingSince: now },
    update: {},
    select: { status: true, failingSince: true },
  });
  if (current.status === "disabled") return null;

  const failingSince = current.failingSince ?? now;
  const failingForMs = now.getTime() - failingSince.getTime();
  const reason =
    outcome.type === "gone"
      ? outcome.reason
      : failingForMs >= options.disableAfterMs
        ? `Every attempt failed for ${formatWindow(failingForMs)}`
        : null;

  await tx.endpoint.update({
    where: key,
    data: reason
      ? { failingSince, status: "disabled", disabledAt: now, disabledReason: reason }
      : { failingSince },
  });
  return reason;
}

function formatWindow(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${Math.floor(hours)} hours`;
}
