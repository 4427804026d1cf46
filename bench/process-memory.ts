import { existsSync, readFileSync } from "node:fs";

/** Resident memory of one process, from the kernel's view of it. */
export type ProcessMemory = {
  /** Resident set size now (VmRSS). */
  rssBytes: number;
  /** The highest resident set size of the process's life so far (VmHWM). */
  peakRssBytes: number;
};

/** Whether this system publishes process memory in `/proc/<pid>/status` (Linux does). */
export function canReadProcessMemory(): boolean {
  return existsSync("/proc/self/status");
}

/** Reads another process's memory; null once the process is gone. */
export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const rssBytes = readKilobytes(status, "VmRSS");
  const peakRssBytes = readKilobytes(status, "VmHWM");
  // A process that has exited but not been reaped has a status without memory lines.
  if (rssBytes === null || peakRssBytes === null) return null;
  return { rssBytes, peakRssBytes };
}

function readKilobytes(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
  return match?.[1] === undefined ? null : Number(match[1]) * 1024;
}
