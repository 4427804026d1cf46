import { errorResponse } from "@/lib/api/error-codes";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { handleInbound } from "@/lib/ingest/handle-inbound";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

async function handler(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await context.params;
  const config = getConfig();
  try {
    return await handleInbound(request, token, {
      db: getDb(),
      maxBodyBytes: 1024 * 1024,
      maxStoredBodyBytes: config.maxStoredBodyBytes,
    });
  } catch (error) {
    // Nothing was committed, so nothing was acknowledged: the sender retries.
    log.error({ err: error }, "inbound request failed");
    return errorResponse("unavailable", "The event could not be stored. Retry later.", undefined, {
      "retry-after": "5",
    });
  }
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
