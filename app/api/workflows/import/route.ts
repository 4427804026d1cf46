import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { importWorkflow } from "@/lib/workflows/import-workflow";

export const dynamic = "force-dynamic";

/**
 * Takes an exported workflow document as the body, within the API's 2 MiB body limit, and
 * answers 201 with the new workflow, or 400 `import_invalid` with the reason and what is wrong.
 */
export const POST = apiRoute({ role: "editor", body: z.unknown() }, async ({ user, body }) => {
  const result = await importWorkflow(user.workspaceId, body);
  if (!result.ok) {
    const { reason, message, issues } = result;
    return errorResponse("import_invalid", message, { reason, issues });
  }
  return Response.json({ workflow: result.workflow }, { status: 201 });
});
