import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "../env";

let cached: string | undefined;

/**
 * The secret that signs session tokens: NEXTAUTH_SECRET when set, otherwise one generated on
 * first start and kept beside the database, so a fresh install needs no configuration and
 * sessions survive restarts. Nothing ships with a default.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = getConfig();
  cached = config.authSecret ?? readOrCreateSecretFile(config.dataDir);
  return cached;
}

function readOrCreateSecretFile(dir: string): string {
  const file = path.join(dir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // "wx" fails if another process won the race; then its secret is the one to use.
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}
