import { apiRoute } from "@/lib/api/api-route";
import {
  countFailedDeliveries,
  resendFailedDeliveries,
  resendFilterSchema,
} from "@/lib/deliveries/resend-failed-deliveries";

export const dynamic = "force-dynamic";

/** The dry run: how many failed deliveries a POST with the same filter would resend. */
export const GET = apiRoute(
  { role: "editor", query: resendFilterSchema },
  async ({ user, query }) => {
    const result = await countFailedDeliveries(user.workspaceId, query);
    return Response.json(result);
  },
);

export const POST = apiRoute(
  { role: "editor", body: resendFilterSchema },
  async ({ user, body }) => {
    const result = await resendFailedDeliveries(user.workspaceId, body);
    return Response.json(result, { status: 202 });
  },
);
