// Next calls register() once when a server process starts. In the Node.js runtime it starts the
// embedded job worker unless configuration turns it off; the edge runtime starts nothing.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("./lib/env");
  if (!getConfig().isEmbeddedWorker) return;
  const { startProcessWorker } = await import("./lib/engine/start-process-worker");
  startProcessWorker();
}
