import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams, workflowNameSchema } from "@/lib/api/schemas";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { getWorkflow } from "@/lib/workflows/get-workflow";
import { renameWorkflow } from "@/lib/workflows/rename-workflow";

export const dynamic = "force-dynamic";

const notFound = () => errorResponse("not_found", "There is no such workflow in this workspace.");

export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const workflow = await getWorkflow(user.workspaceId, params.id);
  return workflow ? Response.json({ workflow }) : notFound();
});

export const PATCH = apiRoute(
  { role: "editor", params: idParams, body: z.object({ name: workflowNameSchema }) },
  async ({ user, params, body }) => {
    const workflow = await renameWorkflow(user.workspaceId, params.id, body.name);
    return workflow ? Response.json({ workflow }) : notFound();
  },
);

export const DELETE = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  return (await deleteWorkflow(user.workspaceId, params.id))
    ? new Response(null, { status: 204 })
    : notFound();
});
