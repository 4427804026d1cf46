import type { Page } from "@playwright/test";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

import { createDb } from "../lib/db/client";
import { builtAppEnv, hasAppBuild, launchBenchBrowser, signIn } from "./bench-browser";
import { createFreshDatabaseFile, removeDatabaseFile } from "./bench-database";
import { INBOUND_BODY_BYTES } from "./inbound-request";
import { spawnServerProcess, type ServerProcess } from "./server-process";
import type { SkippedScenario } from "./skipped-scenario";

/** Commit-to-screen times for inbound requests sent `spacingMs` apart. */
export type ArrivalRun = {
  spacingMs: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};

export type ArrivalResult = {
  database: "sqlite";
  /** The log page folds live events into one refresh at most this often (leading edge). */
  refreshIntervalMs: number;
  targetMs: number;
  runs: ArrivalRun[];
};

/** The port this scenario's server listens on; the browser signs in there. */
const PORT = 3226;
const SAMPLES = 20;
/** Wider than the page's refresh throttle, then narrower, to show what the throttle adds. */
const SPACINGS_MS = [1_000, 250];
// The delivery log's own throttle (REFRESH_INTERVAL_MS in components/deliveries/use-new-exchanges.ts).
const REFRESH_INTERVAL_MS = 150;
const TARGET_MS = 200;
const ROW_TIMEOUT_MS = 10_000;
const ADMIN = { name: "Bench Admin", email: "bench-admin@example.test", password: "bench pass 12" };

const readySchema = z.object({ port: z.number().int(), token: z.string().min(1) });

/**
 * Measures how soon a committed inbound exchange shows in the delivery log of a signed-in
 * browser: the built app serves a fresh SQLite database, Chromium opens the log, and inbound
 * requests go to a live Webhook trigger one at a time. For each, the time from its 202 reaching
 * the bench to its row entering the page's DOM, both read from this machine's clock (the page
 * stamps rows with `performance.timeOrigin + performance.now()`). Skipped without a build.
 */
export async function measureLogArrival(
  reportProgress: (message: string) => void,
): Promise<ArrivalResult | SkippedScenario> {
  if (!hasAppBuild()) {
    return { skipped: "the app is not built (run `npm run build` first)" };
  }

  const sqlitePath = createFreshDatabaseFile("exchange-log-arrival", { isMigrated: true });
  const db = createDb({ kind: "sqlite", path: sqlitePath });
  let server: ServerProcess<z.infer<typeof readySchema>> | undefined;
  const browser = await launchBenchBrowser();
  try {
    server = spawnServerProcess(
      "bench/log-arrival-server.ts",
      {
        ...builtAppEnv(sqlitePath, PORT),
        BENCH_LOG_ADMIN: JSON.stringify(ADMIN),
      },
      (json) => readySchema.parse(json),
    );
    const { token } = await server.ready;
    const origin = `http://127.0.0.1:${PORT}`;

    const page = await browser.newPage();
    await signIn(page, origin, ADMIN);
    await page.goto(`${origin}/deliveries`);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await watchRows(page);

    const send = async () => {
      const response = await fetch(`${origin}/hooks/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "order.created", note: "x".repeat(INBOUND_BODY_BYTES - 40) }),
      });
      const acknowledgedAt = Date.now();
      if (response.status !== 202) throw new Error(`The inbound request got ${response.status}`);
      const { runId } = z.object({ runId: z.string() }).parse(await response.json());
      const exchange = await db.exchange.findFirstOrThrow({
        where: { runId, kind: "inbound" },
        select: { id: true },
      });
      return { exchangeId: exchange.id, acknowledgedAt };
    };

    // One unmeasured request, so neither the server nor the page is measured cold.
    await waitForRow(page, await send());
    const runs: ArrivalRun[] = [];
    for (const spacingMs of SPACINGS_MS) {
      reportProgress(`delivery log arrival: ${SAMPLES} requests ${spacingMs} ms apart`);
      const delays: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const sentAt = Date.now();
        delays.push(await waitForRow(page, await send()));
        await sleep(Math.max(0, sentAt + spacingMs - Date.now()));
      }
      runs.push({ spacingMs, samples: SAMPLES, ...percentiles(delays) });
    }
    return {
      database: "sqlite",
      refreshIntervalMs: REFRESH_INTERVAL_MS,
      targetMs: TARGET_MS,
      runs,
    };
  } finally {
    await browser.close();
    await server?.stop();
    await db.$disconnect();
    removeDatabaseFile(sqlitePath);
  }
}

/**
 * Stamps, in the page, the moment each row link of an exchange enters the DOM, by exchange id,
 * on the machine's clock in milliseconds since the epoch. Handed over as text: the bench's own
 * code is compiled with helpers the page does not have.
 */
const rowWatcher = `
  const seen = new Map();
  window.benchRowsSeen = seen;
  new MutationObserver((mutations) => {
    const now = performance.timeOrigin + performance.now();
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        const links = node.matches("a[href*='exchange=']")
          ? [node]
          : [...node.querySelectorAll("a[href*='exchange=']")];
        for (const link of links) {
          const id = new URL(link.getAttribute("href"), location.href).searchParams.get("exchange");
          if (id && !seen.has(id)) seen.set(id, now);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
`;

async function watchRows(page: Page): Promise<void> {
  await page.evaluate(rowWatcher);
}

/** Waits for the exchange's row and returns how long after its acknowledgement it appeared. */
async function waitForRow(
  page: Page,
  { exchangeId, acknowledgedAt }: { exchangeId: string; acknowledgedAt: number },
): Promise<number> {
  const handle = await page.waitForFunction(
    `window.benchRowsSeen.get(${JSON.stringify(exchangeId)})`,
    undefined,
    { timeout: ROW_TIMEOUT_MS, polling: 20 },
  );
  const shownAt = (await handle.jsonValue()) as number;
  return shownAt - acknowledgedAt;
}

function percentiles(values: number[]): { p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ??
    Number.NaN;
  return { p50Ms: at(50), p95Ms: at(95), maxMs: at(100) };
}
