import type { Worker } from "./worker";

// The embedded worker is started by instrumentation and read by the admin route, which Next
// bundles separately; the reference lives on globalThis so both see the same one.
const holder = globalThis as typeof globalThis & { __switchyardWorker?: Worker };

export function registerEmbeddedWorker(worker: Worker): void {
  holder.__switchyardWorker = worker;
}

/** The worker running inside this process, if any. */
export function getEmbeddedWorker(): Worker | undefined {
  return holder.__switchyardWorker;
}
