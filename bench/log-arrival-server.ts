// The server of the delivery log's live arrival measure, in a process of its own: the app as
// `npm start` serves it (the lean node:http server with the built Next app behind it), on the
// migrated database DATABASE_URL names, with an admin the browser signs in as and one live
// Webhook trigger. The bench starts it with SWITCHYARD_EMBEDDED_WORKER=0: the log shows inbound
// exchanges as they commit, and runs stay queued.

import { getDb } from "../lib/db/client";
import { createFirstAdmin } from "../lib/users/create-first-admin";
import { serveBuiltApp } from "./serve-built-app";
import { publishInboundWorkflow } from "./seed-inbound-workflow";

async function main(): Promise<void> {
  const admin = JSON.parse(process.env.BENCH_LOG_ADMIN ?? "") as {
    name: string;
    email: string;
    password: string;
  };
  const created = await createFirstAdmin(admin);
  if (!created.ok) throw new Error("The database already has users");
  const workspace = await getDb().user.findUniqueOrThrow({
    where: { id: created.user.id },
    select: { workspaceId: true },
  });
  const token = await publishInboundWorkflow(workspace.workspaceId, created.user.id);

  await serveBuiltApp({ token });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
