import { z } from "zod";
import { getDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { announceResent, requeueDelivery } from "./resend-delivery";

/** The most deliveries one bulk resend sets back to pending; callers repeat for more. */
export const MAX_BULK_RESEND = 1000;

export const resendFilterSchema = z.strictObject({
  workflowId: z.string().min(1).max(64).optional(),
  endpointUrl: z.string().min(1).max(2048).optional(),
  /** Deliveries created at or after this instant. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Deliveries created before this instant. */
  to: z.iso.datetime({ offset: true }).optional(),
});

export type ResendFilter = z.output<typeof resendFilterSchema>;

/**
 * Resends the failed deliveries of a workspace that match `filter`, oldest first, at most
 * `MAX_BULK_RESEND` of them. Deliveries to disabled endpoints are left out: they would fail
 * again at once. Answers how many were resent and whether more match.
 */
export async function resendFailedDeliveries(
  workspaceId: string,
  filter: ResendFilter,
  now = new Date(),
): Promise<{ resent: number; hasMore: boolean }> {
  const db = getDb();
  const matches = await db.delivery.findMany({
    where: await resendableWhere(db, workspaceId, filter),
    orderBy: { createdAt: "asc" },
    take: MAX_BULK_RESEND + 1,
    select: { id: true, runId: true, endpointUrl: true },
  });
  const batch = matches.slice(0, MAX_BULK_RESEND);

  const resent = await db.$transaction(async (tx) => {
    const requeued = [];
    for (const delivery of batch) {
      if (await requeueDelivery(tx, delivery, now)) requeued.push(delivery);
    }
    return requeued;
  });
  announceResent(workspaceId, resent);
  return { resent: resent.length, hasMore: matches.length > MAX_BULK_RESEND };
}

/**
 * A dry run of `resendFailedDeliveries`: how many deliveries it would resend now, counted up
 * to `MAX_BULK_RESEND`, and whether more match than one resend takes. Changes nothing. A
 * delivery that fails or is resent between the count and the resend changes the real figure.
 */
export async function countFailedDeliveries(
  workspaceId: string,
  filter: ResendFilter,
): Promise<{ matched: number; hasMore: boolean }> {
  const db = getDb();
  const count = await db.delivery.count({
    where: await resendableWhere(db, workspaceId, filter),
    take: MAX_BULK_RESEND + 1,
  });
  return { matched: Math.min(count, MAX_BULK_RESEND), hasMore: count > MAX_BULK_RESEND };
}

/** The failed deliveries of a workspace that match `filter`, less those to disabled endpoints. */
async function resendableWhere(
  db: Db,
  workspaceId: string,
  filter: ResendFilter,
): Promise<Prisma.DeliveryWhereInput> {
  const disabled = await db.endpoint.findMany({
    where: { workspaceId, status: "disabled" },
    select: { url: true },
  });
  return {
    workspaceId,
    status: "failed",
    workflowId: filter.workflowId,
    endpointUrl: { equals: filter.endpointUrl, notIn: disabled.map(({ url }) => url) },
    createdAt: {
      gte: filter.from ? new Date(filter.from) : undefined,
      lt: filter.to ? new Date(filter.to) : undefined,
    },
  };
}
