import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { startStepRun } from "@/lib/engine/start-step-run";

export const dynamic = "force-dynamic";

const params = idParams.extend({ nodeId: z.string().min(1).max(64) });

/** What the step reads: the trigger data and the outputs of earlier steps, by node id. */
const body = z.object({
  input: z
    .object({
      trigger: z.unknown(),
      steps: z.record(z.string(), z.unknown()).default({}),
    })
    .strict()
    .optional(),
});

/**
 * Runs one action node of the draft on its own, with the given input or, without one, the
 * sample data its templates preview against. Answers 202 with the step run's id.
 */
export const POST = apiRoute({ role: "editor", params, body }, async ({ user, params, body }) => {
  const input = body.input && { trigger: body.input.trigger ?? null, steps: body.input.steps };
  const result = await startStepRun(
    { workspaceId: user.workspaceId, userId: user.id, workflowId: params.id },
    params.nodeId,
    input,
  );
  if (result.ok) return Response.json({ runId: result.runId }, { status: 202 });
  switch (result.reason) {
    case "not_found":
      return errorResponse("not_found", "There is no such workflow in this workspace.");
    case "node_not_found":
      return errorResponse("not_found", "The saved draft has no node with that id.");
    case "node_is_trigger":
      return errorResponse(
        "validation_failed",
        "A trigger is not tried on its own: run the workflow to see what it passes on.",
      );
    case "graph_invalid":
      return errorResponse("graph_invalid", "Fix this step's problems before trying it.", {
        problems: result.problems,
      });
  }
});
