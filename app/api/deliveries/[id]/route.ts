import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { getDeliveryTimeline } from "@/lib/deliveries/get-delivery-timeline";
import { getConfig } from "@/lib/env";
import { defaultRetryDelaysMs } from "@/lib/queue/backoff";

export const dynamic = "force-dynamic";

/** One delivery with its schedule, its next attempt or how it ended, and every attempt made. */
export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const schedule = getConfig().deliveryScheduleMs ?? defaultRetryDelaysMs;
  const delivery = await getDeliveryTimeline(user.workspaceId, params.id, schedule);
  return delivery
    ? Response.json({ delivery })
    : errorResponse("not_found", "There is no such delivery in this workspace.");
});
