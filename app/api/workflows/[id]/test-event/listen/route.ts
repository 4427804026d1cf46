import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import {
  listenForTestEvent,
  stopListeningForTestEvent,
  type TestEventView,
} from "@/lib/workflows/test-event";

export const dynamic = "force-dynamic";

function answer(testEvent: TestEventView | null): Response {
  return testEvent
    ? Response.json({ testEvent })
    : errorResponse("not_found", "There is no such workflow in this workspace.");
}

/** Opens the test URL for the next request, for two minutes. */
export const POST = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) =>
  answer(await listenForTestEvent(user.workspaceId, params.id)),
);

/** Closes the test URL. */
export const DELETE = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) =>
  answer(await stopListeningForTestEvent(user.workspaceId, params.id)),
);
