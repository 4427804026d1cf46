import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { deactivateWorkflow } from "@/lib/workflows/set-workflow-active";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  const workflow = await deactivateWorkflow(user.workspaceId, params.id);
  return workflow
    ? Response.json({ workflow })
    : errorResponse("not_found", "There is no such workflow in this workspace.");
});
