import { apiRoute } from "@/lib/api/api-route";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getRetentionView } from "@/lib/retention/get-retention-view";
import { retentionPolicySchema } from "@/lib/retention/retention-policy";
import { updateRetentionPolicy } from "@/lib/retention/retention-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "admin" }, async () => {
  return Response.json(await getRetentionView(getDb(), getConfig().database));
});

export const PUT = apiRoute({ role: "admin", body: retentionPolicySchema }, async ({ body }) => {
  await updateRetentionPolicy(getDb(), body);
  return Response.json(await getRetentionView(getDb(), getConfig().database));
});
