import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/** A webhook endpoint on loopback that answers every request with 200 and keeps nothing. */
export type LocalReceiver = {
  url: string;
  /** Requests seen so far. */
  count(): number;
  /** Resolves with the `performance.now()` at which the next request's head arrived. */
  nextRequestAt(): Promise<number>;
  close(): Promise<void>;
};

/**
 * Starts the receiver. It runs in the benchmark's own process, so its work shares the machine's
 * cores with the workers, whether they run in this process or their own; it stores no request.
 * With `answerDelayMs`, it answers that long after a request's body has arrived, as a real
 * endpoint that does some work before it replies.
 */
export async function startLocalReceiver(
  options: { answerDelayMs?: number } = {},
): Promise<LocalReceiver> {
  const answerDelayMs = options.answerDelayMs ?? 0;
  let seen = 0;
  let waiters: ((atMs: number) => void)[] = [];

  const server: Server = createServer((request, response) => {
    const atMs = performance.now();
    seen += 1;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake(atMs);

    request.resume();
    request.on("end", () => {
      const answer = () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"ok":true}');
      };
      if (answerDelayMs > 0) setTimeout(answer, answerDelayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    count: () => seen,
    nextRequestAt: () => new Promise((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
