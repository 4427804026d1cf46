// The server of the delivery log's live arrival measure, in a process of its own: the app as
// `npm start` serves it (the lean node:http server with the built Next app behind it), on the
// migrated database DATABASE_URL names, with an admin the browser signs in as and one live
// Webhook trigger. The bench starts it with SWITCHYARD_EMBEDDED_WORKER=0: the log shows inbound
// exchanges as they commit, and runs stay queued.
import next from "next";

import { getDb } from "../lib/db/client";
import { getConfig } from "../lib/env";
import { createAppServer } from "../lib/server/app-server";
import { createFirstAdmin } from "../lib/users/create-first-admin";
import { READY_PREFIX } from "./server-process";
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

  const { port, hostname } = getConfig();
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createAppServer({
    fallback: (request, response) => void handle(request, response),
  });
  server.listen(port, hostname, () => {
    process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port, token })}\n`);
  });

  process.once("SIGTERM", () => {
    server.close(
      () =>
        void getDb()
          .$disconnect()
          .then(() => process.exit(0)),
    );
    server.closeAllConnections();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
