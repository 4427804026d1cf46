import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { listExchanges } from "@/lib/exchanges/list-exchanges";

export const dynamic = "force-dynamic";

const query = z.object({
  workflowId: z.string().max(64).optional(),
  runId: z.string().max(64).optional(),
  kind: z.enum(["inbound", "api_call", "webhook_attempt"]).optional(),
  outcome: z.enum(["success", "client_error", "server_error", "failed", "other"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = apiRoute({ role: "viewer", query }, async ({ user, query }) => {
  return Response.json(await listExchanges(user.workspaceId, query));
});
