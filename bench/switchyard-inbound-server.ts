// The server under test of the inbound scenario, in a process of its own: the lean node:http
// server `npm start` runs (without Next behind it, which inbound requests never reach), on the
// SQLite database DATABASE_URL names. The bench starts it with SWITCHYARD_EMBEDDED_WORKER=0 and
// this starts no worker either, so runs stay queued and only ingest is measured.
import type { AddressInfo } from "node:net";

import { getDb } from "../lib/db/client";
import { createAppServer } from "../lib/server/app-server";
import { READY_PREFIX } from "./server-process";
import { seedInboundWorkflow } from "./seed-inbound-workflow";

async function main(): Promise<void> {
  const token = await seedInboundWorkflow();
  const server = createAppServer();
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
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
