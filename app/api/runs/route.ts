import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { listRuns } from "@/lib/runs/list-runs";

export const dynamic = "force-dynamic";

const query = z.object({
  workflowId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  stepTests: z.enum(["include", "exclude"]).default("include"),
});

export const GET = apiRoute({ role: "viewer", query }, async ({ user, query }) => {
  const { stepTests, ...filter } = query;
  const runs = await listRuns(user.workspaceId, {
    ...filter,
    excludeStepTests: stepTests === "exclude",
  });
  return Response.json({ runs });
});
