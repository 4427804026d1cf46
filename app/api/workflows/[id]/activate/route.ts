import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { activateWorkflow } from "@/lib/workflows/set-workflow-active";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  const result = await activateWorkflow(user.workspaceId, user.id, params.id);
  if (result.ok) return Response.json({ workflow: result.workflow });
  switch (result.reason) {
    case "not_found":
      return errorResponse("not_found", "There is no such workflow in this workspace.");
    case "graph_invalid":
      return errorResponse("graph_invalid", "Fix the workflow's problems before activating it.", {
        problems: result.problems,
      });
  }
});
