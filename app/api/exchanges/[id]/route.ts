import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { getExchange } from "@/lib/exchanges/get-exchange";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const exchange = await getExchange(user.workspaceId, params.id);
  return exchange
    ? Response.json({ exchange })
    : errorResponse("not_found", "There is no such exchange in this workspace.");
});
