import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { workflowNameSchema } from "@/lib/api/schemas";
import { errorResponse } from "@/lib/api/error-codes";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { createWorkflowFromStarter } from "@/lib/workflows/create-workflow-from-starter";
import { listWorkflows } from "@/lib/workflows/list-workflows";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "viewer" }, async ({ user }) => {
  return Response.json({ workflows: await listWorkflows(user.workspaceId) });
});

const createBody = z.object({
  name: workflowNameSchema,
  /** A starter's id from the template gallery; without it the workflow starts empty. */
  starter: z.string().min(1).max(64).optional(),
});

export const POST = apiRoute({ role: "editor", body: createBody }, async ({ user, body }) => {
  const workflow =
    body.starter === undefined
      ? await createWorkflow(user.workspaceId, body.name)
      : await createWorkflowFromStarter(user.workspaceId, body.name, body.starter);
  if (!workflow) {
    return errorResponse("validation_failed", "The body is not valid.", {
      issues: [{ path: "starter", message: `There is no template "${body.starter}"` }],
    });
  }
  return Response.json({ workflow }, { status: 201 });
});
