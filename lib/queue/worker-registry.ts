import type { Worker } from "./worker";

// The worker is started by instrumentation (or scripts/worker.ts) and read by the admin route,
// which Next bundles separately; the reference lives on globalThis so both see the same one.
const holder = globalThis as typeof globalThis & { __switchyardWorker?: Worker };

export function registerProcessWorker(worker: Worker): void {
  holder.__switchyardWorker = worker;
}

/** The worker running inside this process, if any: in the web process, the embedded one. */
export function getProcessWorker(): Worker | undefined {
  return holder.__switchyardWorker;
}
