import { apiRoute } from "@/lib/api/api-route";
import { subscribe } from "@/lib/events/event-bus";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for the signed-in workspace: every exchange, run and delivery change,
 * pushed as it is committed. A comment line every 15 s keeps proxies from closing the stream.
 */
export const GET = apiRoute({ role: "viewer" }, async ({ request, user }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = subscribe((message) => {
        if (message.workspaceId === user.workspaceId)
          send(`data: ${JSON.stringify(message.event)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by a failed write; nothing left to release.
        }
      });
      send("retry: 2000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
