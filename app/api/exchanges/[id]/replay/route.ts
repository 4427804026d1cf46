import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { idParams } from "@/lib/api/schemas";
import type { ReplayResultView } from "@/lib/api/views";
import { executionEnvFor } from "@/lib/engine/job-handlers";
import { getConfig } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { replayEditsSchema } from "@/lib/exchanges/replay-edits";
import { replayExchange } from "@/lib/exchanges/replay-exchange";
import { redactionCacheFor } from "@/lib/redaction/redaction-cache";

export const dynamic = "force-dynamic";

/**
 * Sends an exchange again with optional edits `{ method, url, headers, body }` and answers 201
 * `{ exchangeId, runId, failure }`: the new exchange, which names the original in `replayOfId`;
 * for an inbound exchange, the run it started; for an outbound one that got no answer (an
 * address the network policy refuses, a timeout), why, as recorded in the new exchange.
 *
 * `headers` replaces the original's headers as a whole. A header value the log redacted
 * (`[redacted]`) is never sent as the mark: an outbound replay that still holds one is refused
 * with 400 `redacted_header` and the header names in `details.headers`, so the person types the
 * value or drops the header. Editors and admins only.
 */
export const POST = apiRoute(
  { role: "editor", params: idParams, body: replayEditsSchema },
  async ({ user, params, body }) => {
    // Replays are stored under the installation's redaction settings, like every exchange.
    const db = getDb();
    const redaction = redactionCacheFor(db);
    await redaction.ready();
    const env = executionEnvFor(getConfig(), redaction);
    const result = await replayExchange(user.workspaceId, params.id, body, { db, env });
    if (result.ok) {
      const view: ReplayResultView = {
        exchangeId: result.exchangeId,
        runId: result.runId,
        failure: result.failure,
      };
      return Response.json(view, { status: 201 });
    }
    switch (result.reason) {
      case "not_found":
        return errorResponse("not_found", "There is no such exchange in this workspace.");
      case "redacted_header":
        return errorResponse(
          "redacted_header",
          `The log redacted ${result.headers.join(", ")}; type the value to send, or remove the header.`,
          { headers: result.headers },
        );
      case "invalid_edit":
        return errorResponse("validation_failed", "The body is not valid.", {
          issues: [{ path: result.field, message: result.message }],
        });
      case "not_replayable":
        return errorResponse("conflict", result.message);
    }
  },
);
