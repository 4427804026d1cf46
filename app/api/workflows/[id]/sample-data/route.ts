import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { readSampleData } from "@/lib/workflows/read-sample-data";

export const dynamic = "force-dynamic";

/** The captured test event and the last run's step outputs, for previewing templates. */
export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ user, params }) => {
  const sampleData = await readSampleData(user.workspaceId, params.id);
  return sampleData
    ? Response.json({ sampleData })
    : errorResponse("not_found", "There is no such workflow in this workspace.");
});
