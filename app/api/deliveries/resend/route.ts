import { apiRoute } from "@/lib/api/api-route";
import {
  resendFailedDeliveries,
  resendFilterSchema,
} from "@/lib/deliveries/resend-failed-deliveries";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { role: "editor", body: resendFilterSchema },
  async ({ user, body }) => {
    const result = await resendFailedDeliveries(user.workspaceId, body);
    return Response.json(result, { status: 202 });
  },
);
