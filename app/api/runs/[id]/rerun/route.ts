import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { rerunRun } from "@/lib/engine/rerun-run";

export const dynamic = "force-dynamic";

const rerunBody = z.strictObject({ version: z.enum(["pinned", "current"]).default("pinned") });

export const POST = apiRoute(
  { role: "editor", params: idParams, body: rerunBody },
  async ({ user, params, body }) => {
    const result = await rerunRun(user.workspaceId, params.id, body.version);
    if (result.ok) return Response.json({ runId: result.runId }, { status: 202 });
    switch (result.reason) {
      case "not_found":
        return errorResponse("not_found", "There is no such run in this workspace.");
      case "no_active_version":
        return errorResponse("conflict", "The workflow has no active version to run.");
      case "trigger_missing":
        return errorResponse(
          "conflict",
          "The current version no longer has the trigger this run started from.",
        );
    }
  },
);
