// The production server: one node:http server that answers inbound webhooks (/hooks/*) itself
// and hands every other request to Next. Started by scripts/start.mjs after migrations.
import next from "next";
import { createAppServer } from "../lib/server/app-server";
import { getConfig } from "../lib/env";
import { log } from "../lib/log";
import { getProcessWorker } from "../lib/queue/worker-registry";

async function main(): Promise<void> {
  const { port, hostname } = getConfig();
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createAppServer({
    fallback: (request, response) => void handle(request, response),
  });
  server.listen(port, hostname, () => {
    log.info({ port, hostname }, "Switchyard is listening");
  });
  // The embedded worker (started by Next's instrumentation) drains its jobs on SIGTERM and
  // ends the process; the server stops taking connections at once. Without a worker, the
  // process ends once the open requests are answered.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => {
        if (!getProcessWorker()) process.exit(0);
      });
      server.closeIdleConnections();
    });
  }
}

main().catch((error: unknown) => {
  log.error({ err: error }, "the server could not start");
  process.exit(1);
});
