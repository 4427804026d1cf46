import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getRedactionView } from "@/lib/redaction/get-redaction-view";
import { redactionSettingsSchema } from "@/lib/redaction/redaction-settings";
import { updateRedactionSettings } from "@/lib/redaction/update-redaction-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "admin" }, async () => {
  return Response.json(await getRedactionView(getDb(), getConfig().maxStoredBodyBytes));
});

export const PUT = apiRoute({ role: "admin", body: redactionSettingsSchema }, async ({ body }) => {
  const result = await updateRedactionSettings(getDb(), body);
  if (!result.ok) {
    return errorResponse(
      "redaction_path_invalid",
      `The JSON path "${result.path}" is not valid. ${result.message}`,
      { path: result.path },
    );
  }
  return Response.json(await getRedactionView(getDb(), getConfig().maxStoredBodyBytes));
});
