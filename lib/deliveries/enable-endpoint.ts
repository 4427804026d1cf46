import type { EndpointView } from "../api/views";
import { getDb } from "../db/client";
import { log } from "../log";

/**
 * Re-enables a disabled endpoint with a clean slate: its failing streak starts over, so the
 * next failure does not disable it again at once. Deliveries that failed while it was disabled
 * stay failed; resend them to deliver them.
 */
export async function enableEndpoint(
  workspaceId: string,
  endpointId: string,
): Promise<EndpointView | null> {
  const db = getDb();
  const { count } = await db.endpoint.updateMany({
    where: { id: endpointId, workspaceId },
    data: { status: "active", failingSince: null, disabledAt: null, disabledReason: null },
  });
  if (count === 0) return null;
  log.info({ workspaceId, endpointId }, "endpoint re-enabled");
  const endpoint = await db.endpoint.findUniqueOrThrow({ where: { id: endpointId } });
  return toEndpointView(endpoint);
}

/** The API shape of an endpoint row. */
export function toEndpointView(endpoint: {
  id: string;
  url: string;
  status: string;
  failingSince: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
}): EndpointView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    status: endpoint.status === "disabled" ? "disabled" : "active",
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    disabledReason: endpoint.disabledReason,
  };
}
