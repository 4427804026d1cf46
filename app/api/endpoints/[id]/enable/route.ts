import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { enableEndpoint } from "@/lib/deliveries/enable-endpoint";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  const endpoint = await enableEndpoint(user.workspaceId, params.id);
  return endpoint
    ? Response.json({ endpoint })
    : errorResponse("not_found", "There is no such endpoint in this workspace.");
});
