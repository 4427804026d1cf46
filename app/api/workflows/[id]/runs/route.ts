import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { startManualRun } from "@/lib/engine/start-manual-run";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { role: "editor", params: idParams, body: z.object({ payload: z.unknown().optional() }) },
  async ({ user, params, body }) => {
    const result = await startManualRun(user.workspaceId, user.id, params.id, body.payload);
    if (result.ok) return Response.json({ runId: result.runId }, { status: 202 });
    switch (result.reason) {
      case "not_found":
        return errorResponse("not_found", "There is no such workflow in this workspace.");
      case "graph_invalid":
        return errorResponse("graph_invalid", "Fix the workflow's problems before running it.", {
          problems: result.problems,
        });
      case "no_manual_trigger":
        return errorResponse(
          "validation_failed",
          "Add a Manual trigger to run this workflow from the editor.",
        );
      case "invalid_test_payload":
        return errorResponse(
          "validation_failed",
          "The Manual trigger's test payload is not valid JSON.",
        );
    }
  },
);
