import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { graphSchema } from "@/lib/workflow/graph";
import { saveDraft } from "@/lib/workflows/save-draft";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(
  { role: "editor", params: idParams, body: z.object({ graph: graphSchema }) },
  async ({ user, params, body }) => {
    const workflow = await saveDraft(user.workspaceId, user.id, params.id, body.graph);
    return workflow
      ? Response.json({ workflow })
      : errorResponse("not_found", "There is no such workflow in this workspace.");
  },
);
