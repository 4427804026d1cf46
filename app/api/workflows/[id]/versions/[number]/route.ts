import { apiRoute } from "@/lib/api/api-route";
import { versionParams } from "@/lib/api/schemas";
import { getWorkflowVersion } from "@/lib/workflows/get-workflow-version";
import { versionNotFound } from "@/lib/api/version-not-found";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer", params: versionParams }, async ({ user, params }) => {
  const result = await getWorkflowVersion(user.workspaceId, params.id, params.number);
  return result.ok
    ? Response.json({ version: result.version })
    : versionNotFound(result.reason, params.number);
});
