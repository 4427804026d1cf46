import { readFileSync } from "node:fs";

/**
 * Linux reports a process's CPU time in clock ticks of 1/100 s on every architecture Node runs
 * on (USER_HZ); reading it through `getconf` would cost a process per sample.
 */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user and system) another process has used so far, from `/proc/<pid>/stat`; null
 * where the system has no `/proc` or the process is gone. Unlike throughput, CPU time per request
 * stays comparable when other work on the machine takes cores away.
 */
export function readProcessCpuSeconds(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name in parentheses may hold spaces; the fields counted here come after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  if (!Number.isFinite(userTicks) || !Number.isFinite(systemTicks)) return null;
  return (userTicks + systemTicks) / TICKS_PER_SECOND;
}
