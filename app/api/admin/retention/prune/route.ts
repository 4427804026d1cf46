import { randomUUID } from "node:crypto";
import { apiRoute } from "@/lib/api/api-route";
import { errorResponse } from "@/lib/api/error-codes";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getRetentionView } from "@/lib/retention/get-retention-view";
import { pruneRetention } from "@/lib/retention/prune-retention";

export const dynamic = "force-dynamic";

/**
 * Runs a retention pass now and answers with the settings and its figures once it is done.
 * The request waits for the whole pass: on a large backlog (retention just shortened) that can
 * take a while, which is what an admin pressing the button wants to see through.
 */
export const POST = apiRoute({ role: "admin" }, async () => {
  const db = getDb();
  const { database } = getConfig();
  const outcome = await pruneRetention({ db, database, prunerId: `admin-${randomUUID()}` });
  if (!outcome.ok) {
    return errorResponse("conflict", "A prune is already running; its figures appear when done.");
  }
  return Response.json(await getRetentionView(db, database));
});
