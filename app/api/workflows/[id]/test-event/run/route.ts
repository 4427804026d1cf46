import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { startTestEventRun } from "@/lib/engine/start-test-event-run";

export const dynamic = "force-dynamic";

/** Runs the draft with the captured test event as the Webhook trigger's data. */
export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  const result = await startTestEventRun(user.workspaceId, user.id, params.id);
  if (result.ok) return Response.json({ runId: result.runId }, { status: 202 });
  switch (result.reason) {
    case "not_found":
      return errorResponse("not_found", "There is no such workflow in this workspace.");
    case "graph_invalid":
      return errorResponse("graph_invalid", "Fix the workflow's problems before running it.", {
        problems: result.problems,
      });
    case "no_webhook_trigger":
      return errorResponse(
        "validation_failed",
        "Add a Webhook trigger to run this workflow with a test event.",
      );
    case "no_test_event":
      return errorResponse(
        "conflict",
        "No test event has been captured yet. Listen for one and send a request first.",
      );
  }
});
