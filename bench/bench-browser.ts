import { chromium, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

/** An account the browser signs in as. */
export type BenchAccount = { name: string; email: string; password: string };

const repoRoot = path.resolve(import.meta.dirname, "..");
const systemChromium = "/usr/bin/chromium";

/** Whether `npm run build` has left a build for the browser scenarios to serve. */
export function hasAppBuild(): boolean {
  return existsSync(path.join(repoRoot, ".next", "BUILD_ID"));
}

/**
 * The environment of a bench server process that serves the built app on a SQLite file, in
 * production mode with a fresh auth secret and no embedded worker, so only the page is measured.
 */
export function builtAppEnv(sqlitePath: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: `file:${sqlitePath}`,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    AUTH_TRUST_HOST: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SWITCHYARD_EMBEDDED_WORKER: "0",
    SWITCHYARD_LOG_LEVEL: "warn",
  };
}

/**
 * Headless Chromium: the system's when it is installed, else Playwright's own. The flags keep
 * it from reaching for the network on its own, which a closed network refuses many times over.
 */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Signs in through the sign-in page and waits to be let in. */
export async function signIn(page: Page, origin: string, account: BenchAccount): Promise<void> {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}
