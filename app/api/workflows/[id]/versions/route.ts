import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { listWorkflowVersions } from "@/lib/workflows/list-workflow-versions";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const versions = await listWorkflowVersions(user.workspaceId, params.id);
  return versions
    ? Response.json({ versions })
    : errorResponse("not_found", "There is no such workflow in this workspace.");
});
