import { once } from "node:events";
import type { AddressInfo } from "node:net";
import * as productionRoute from "@/app/hooks/[token]/route";
import * as testRoute from "@/app/hooks/[token]/test/route";
import { createAppServer } from "@/lib/server/app-server";
import { routeParams } from "./session";

export type InboundCall = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array> | null;
};

export type InboundReply = { status: number; headers: Headers; text: string };

/** One way a request reaches ingest; the same tests run through each. */
export type WayIn = {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends to `/hooks/<token>` or `/hooks/<token>/test` (with any query). */
  send(path: string, call?: InboundCall): Promise<InboundReply>;
  /** The loopback port, for raw-socket tests; null when the way in has no socket. */
  port(): number | null;
};

type RouteModule = Record<string, unknown>;

/** Next's route handlers, called with a web Request as Next calls them. */
export function routeHandlerWayIn(): WayIn {
  return {
    name: "Next route handler",
    start: async () => undefined,
    stop: async () => undefined,
    port: () => null,
    async send(path, call = {}) {
      const method = call.method ?? "POST";
      const pathname = path.split("?")[0]!;
      const parts = pathname.split("/");
      const isTest = parts[3] === "test";
      const route: RouteModule = isTest ? testRoute : productionRoute;
      const handler = route[method] as (
        request: Request,
        context: { params: Promise<{ token: string }> },
      ) => Promise<Response>;
      const request = new Request(`http://localhost${path}`, {
        method,
        headers: call.headers ?? { "content-type": "application/json" },
        body: method === "GET" || method === "HEAD" ? null : (call.body ?? null),
        duplex: "half",
      } as RequestInit);
      const response = await handler(request, routeParams({ token: parts[2]! }));
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}

/** The lean node:http server that `npm start` runs, on a loopback port. */
export function leanServerWayIn(): WayIn {
  const server = createAppServer();
  let port = 0;
  return {
    name: "lean server",
    async start() {
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      port = (server.address() as AddressInfo).port;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
    port: () => port,
    async send(path, call = {}) {
      const method = call.method ?? "POST";
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: call.headers ?? { "content-type": "application/json" },
        body: method === "GET" || method === "HEAD" ? null : (call.body ?? null),
        duplex: "half",
      } as RequestInit);
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}

export const waysIn = [routeHandlerWayIn, leanServerWayIn];
