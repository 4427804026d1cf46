import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { decodeExchangeCursor } from "@/lib/exchanges/exchange-cursor";
import { listExchanges } from "@/lib/exchanges/list-exchanges";

export const dynamic = "force-dynamic";

const instant = z.iso
  .datetime({ offset: true, error: "Give an ISO 8601 instant, e.g. 2026-12-01T09:00:00Z" })
  .transform((text) => new Date(text));

const query = z
  .object({
    workflowId: z.string().max(64).optional(),
    runId: z.string().max(64).optional(),
    kind: z.enum(["inbound", "api_call", "webhook_attempt", "replay"]).optional(),
    outcome: z
      .enum([
        "success",
        "client_error",
        "server_error",
        "failed",
        "timeout",
        "refused",
        "signature_failed",
      ])
      .optional(),
    status: z.coerce
      .number({ error: "The status is a number from 100 to 599" })
      .int({ error: "The status is a number from 100 to 599" })
      .min(100, { error: "The status is a number from 100 to 599" })
      .max(599, { error: "The status is a number from 100 to 599" })
      .optional(),
    host: z.string().max(253).optional(),
    from: instant.optional(),
    to: instant.optional(),
    messageId: z.string().max(200).optional(),
    q: z.string().min(1).max(200, { error: "Search for at most 200 characters" }).optional(),
    cursor: z
      .string()
      .max(200)
      .refine((text) => decodeExchangeCursor(text) !== null, {
        error: "Not a cursor from an earlier page",
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    error: "`to` must be later than `from`",
    path: ["to"],
  });

export const GET = apiRoute({ role: "viewer", query }, async ({ user, query }) => {
  return Response.json(await listExchanges(user.workspaceId, query));
});
