// The inbound scenario's baseline, in a process of its own: a plain node:http server that
// stores each request's body with one prepared better-sqlite3 insert (WAL, synchronous=NORMAL)
// and answers 202. It is the least a server can do and still keep every event it acknowledges,
// so the figures show what ingest's checks, run and job rows and group commit cost above that.
//
//   BENCH_BASELINE_DB=<file> node --import tsx bench/baseline-inbound-server.ts
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import Database from "better-sqlite3";

import { READY_PREFIX } from "./server-process";
import { BASELINE_TABLE } from "./stored-inbound-bodies";

function main(): void {
  const file = process.env.BENCH_BASELINE_DB;
  if (!file) throw new Error("BENCH_BASELINE_DB must name the baseline's SQLite file");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id INTEGER PRIMARY KEY, body TEXT)`);
  const insert = db.prepare(`INSERT INTO ${BASELINE_TABLE} (body) VALUES (?)`);

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const { lastInsertRowid } = insert.run(body.toString("utf8"));
      response.writeHead(202, { "content-type": "application/json" });
      response.end(`{"id":${lastInsertRowid}}`);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port })}\n`);
  });

  process.once("SIGTERM", () => {
    server.close(() => {
      db.close();
      process.exit(0);
    });
    server.closeAllConnections();
  });
}

main();
