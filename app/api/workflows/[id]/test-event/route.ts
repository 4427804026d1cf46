import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { readTestEvent } from "@/lib/workflows/test-event";

export const dynamic = "force-dynamic";

/** Whether the test URL is listening, and the request it captured last. */
export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const testEvent = await readTestEvent(user.workspaceId, params.id);
  return testEvent
    ? Response.json({ testEvent })
    : errorResponse("not_found", "There is no such workflow in this workspace.");
});
