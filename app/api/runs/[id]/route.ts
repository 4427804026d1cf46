import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { getRun } from "@/lib/runs/get-run";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const run = await getRun(user.workspaceId, params.id);
  return run
    ? Response.json({ run })
    : errorResponse("not_found", "There is no such run in this workspace.");
});
