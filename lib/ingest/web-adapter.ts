import { ingest, type InboundTarget } from "./ingest";
import { ingestOptions } from "./ingest-options";

/**
 * The way in through Next's route handlers (`next dev`, or `next start` without the lean
 * server): a web `Request` becomes an inbound request and the answer a `Response`.
 */
export async function ingestWebRequest(request: Request, target: InboundTarget): Promise<Response> {
  const url = new URL(request.url);
  const stream = request.body;
  const answer = await ingest(
    {
      method: request.method,
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      body: stream as unknown as AsyncIterable<Uint8Array> | null,
    },
    target,
    ingestOptions(),
  );
  // Whatever of the body was not read is dropped rather than left to stall the stream.
  if (answer.closeConnection) void stream?.cancel().catch(() => undefined);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
