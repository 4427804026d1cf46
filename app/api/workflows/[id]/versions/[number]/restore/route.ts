import { apiRoute } from "@/lib/api/api-route";
import { versionParams } from "@/lib/api/schemas";
import { restoreWorkflowVersion } from "@/lib/workflows/restore-workflow-version";
import { versionNotFound } from "@/lib/api/version-not-found";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { role: "editor", params: versionParams },
  async ({ user, params }) => {
    const result = await restoreWorkflowVersion(user.workspaceId, params.id, params.number);
    return result.ok
      ? Response.json({ workflow: result.workflow })
      : versionNotFound(result.reason, params.number);
  },
);
