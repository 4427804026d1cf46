import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { resendDelivery } from "@/lib/deliveries/resend-delivery";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  const result = await resendDelivery(user.workspaceId, params.id);
  if (result.ok) return Response.json({ delivery: result.delivery }, { status: 202 });
  switch (result.reason) {
    case "not_found":
      return errorResponse("not_found", "There is no such delivery in this workspace.");
    case "still_pending":
      return errorResponse("conflict", "The delivery is still being attempted; wait for it.");
    case "endpoint_disabled":
      return errorResponse("conflict", "The endpoint is disabled. Re-enable it, then resend.");
  }
});
