import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { workflowNameSchema } from "@/lib/api/schemas";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { listWorkflows } from "@/lib/workflows/list-workflows";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer" }, async ({ user }) => {
  return Response.json({ workflows: await listWorkflows(user.workspaceId) });
});

export const POST = apiRoute(
  { role: "editor", body: z.object({ name: workflowNameSchema }) },
  async ({ user, body }) => {
    const workflow = await createWorkflow(user.workspaceId, body.name);
    return Response.json({ workflow }, { status: 201 });
  },
);
