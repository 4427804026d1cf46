import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { listRuns } from "@/lib/runs/list-runs";

export const dynamic = "force-dynamic";

const query = z.object({
  workflowId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const GET = apiRoute({ role: "viewer", query }, async ({ user, query }) => {
  return Response.json({ runs: await listRuns(user.workspaceId, query) });
});
