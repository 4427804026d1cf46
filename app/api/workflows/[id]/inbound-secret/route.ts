import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import { clearInboundSecret, setInboundSecret } from "@/lib/workflows/inbound-secret";

export const dynamic = "force-dynamic";

const notFound = () => errorResponse("not_found", "There is no such workflow in this workspace.");

const secretBody = z.object({
  secret: z.string({ error: "Enter the secret" }).min(1, "Enter the secret").max(1024),
});

/** Sets or replaces the verification secret; answers only its hint. */
export const PUT = apiRoute(
  { role: "editor", params: idParams, body: secretBody },
  async ({ user, params, body }) => {
    const result = await setInboundSecret(user.workspaceId, params.id, body.secret);
    if (result.ok) return Response.json({ secretHint: result.hint });
    switch (result.reason) {
      case "not_found":
        return notFound();
      case "no_webhook_trigger":
        return secretIssue("Add a Webhook trigger and choose how it verifies senders first.");
      case "no_verification":
        return secretIssue(
          "The Webhook trigger's verification is none. Choose a scheme, save, then set the secret.",
        );
      case "unsuitable":
        return secretIssue(result.message);
    }
  },
);

export const DELETE = apiRoute({ role: "editor", params: idParams }, async ({ user, params }) => {
  return (await clearInboundSecret(user.workspaceId, params.id))
    ? new Response(null, { status: 204 })
    : notFound();
});

/** A refusal shaped like a validation error on `secret`, so the form shows it by the input. */
function secretIssue(message: string): Response {
  return errorResponse("validation_failed", message, { issues: [{ path: "secret", message }] });
}
