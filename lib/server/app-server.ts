import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { matchInboundPath } from "../ingest/inbound-path";
import { ingest } from "../ingest/ingest";
import { getDb } from "../db/client";
import { ingestOptions } from "../ingest/ingest-options";
import { startIngestWriter } from "../ingest/ingest-writer";
import { log } from "../log";

export type AppServerOptions = {
  /** Serves every request that is not for an inbound URL; absent, those get 404. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
};

/**
 * The lean way in: a plain `node:http` server that answers `/hooks/*` itself, with no framework
 * between the socket and `ingest`, and hands everything else to Next's request handler. Inbound
 * webhooks are the one path that must carry thousands of requests a second; a framework's
 * per-request cost would be most of the work. On SQLite their writes go to a thread of their
 * own (see ingest-writer.ts) from the first request until the server closes.
 */
export function createAppServer(options: AppServerOptions = {}): Server {
  const server = createServer((request, response) => {
    const target = request.url ? matchInboundPath(request.url) : null;
    if (target) {
      void serveInbound(request, response, target);
      return;
    }
    if (options.fallback) {
      options.fallback(request, response);
      return;
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { code: "not_found", message: "Not found." } }));
  });
  const stopWriter = startIngestWriter(getDb(), writerThreadUrl);
  server.once("close", () => void stopWriter());
  return server;
}

const writerThreadUrl = new URL("../ingest/ingest-writer-thread.ts", import.meta.url);

async function serveInbound(
  request: IncomingMessage,
  response: ServerResponse,
  target: { token: string; isTest: boolean },
): Promise<void> {
  try {
    const answer = await ingest(
      {
        method: request.method ?? "GET",
        url: request.url ?? "/",
        headers: flattenHeaders(request.headers),
        body: request,
      },
      target,
      ingestOptions(),
    );
    if (answer.closeConnection) {
      // The unread rest of the body cannot be skipped safely; end the connection after answering.
      response.shouldKeepAlive = false;
      response.once("finish", () => request.socket.destroy());
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  } catch (error) {
    log.error({ err: error }, "inbound answer failed");
    if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
    response.end();
  }
}

/** Node gives repeated headers as arrays (set-cookie) and others joined; templates want text. */
function flattenHeaders(headers: IncomingMessage["headers"]): Record<string, string | undefined> {
  for (const value of Object.values(headers)) {
    if (Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(", ") : v]),
      );
    }
  }
  return headers as Record<string, string | undefined>;
}
