import { apiRoute } from "@/lib/api/api-route";
import { getAdminStats } from "@/lib/admin/get-admin-stats";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "admin" }, async ({ user }) => {
  return Response.json(await getAdminStats(user.workspaceId));
});
