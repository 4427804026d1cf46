import next from "next";

import { getDb } from "../lib/db/client";
import { getConfig } from "../lib/env";
import { createAppServer } from "../lib/server/app-server";
import { READY_PREFIX } from "./server-process";

/**
 * Serves the built app as `npm start` does (the lean node:http server with Next behind it) on
 * the configured port, announces `ready` to the bench on stdout once listening, and closes the
 * server and the database on SIGTERM. For the bench's server processes that a browser drives.
 */
export async function serveBuiltApp(ready: Record<string, unknown>): Promise<void> {
  const { port, hostname } = getConfig();
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createAppServer({
    fallback: (request, response) => void handle(request, response),
  });
  server.listen(port, hostname, () => {
    process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port, ...ready })}\n`);
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
