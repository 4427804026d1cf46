import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

import { getConfig, type AppConfig } from "../env";

const FORMAT_VERSION = "v1";
const CIPHER = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE_NAME = "secret-key";

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters and one optional "=", in either alphabet.
const BASE64_KEY = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

let cachedKey: Buffer | undefined;

/**
 * Encrypts a secret for storage with AES-256-GCM under the installation's key, bound to
 * `context` (the workflow id) so a sealed value copied onto another workflow will not open.
 * Sealing the same text twice gives different results, since every call draws a fresh IV.
 * Tests and tools may pass `key`; the app leaves it to the installation's key.
 *
 * @example
 * const sealed = sealSecret("whsec_...", workflow.id); // "v1.<iv>.<ciphertext and tag>"
 */
export function sealSecret(
  plain: string,
  context: string,
  key: Uint8Array = installationKey(),
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));

  const encrypted = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const payload = Buffer.concat([encrypted, cipher.getAuthTag()]);
  return `${FORMAT_VERSION}.${iv.toString("base64url")}.${payload.toString("base64url")}`;
}

/**
 * Decrypts a value made by {@link sealSecret}. Throws when it is not in the sealed format, or
 * when it was altered, sealed under another key or for another context: a stored secret that
 * will not open is a fault to fix, not a request to refuse quietly.
 *
 * @example
 * const secret = openSecret(workflow.inboundSecret, workflow.id);
 */
export function openSecret(
  sealed: string,
  context: string,
  key: Uint8Array = installationKey(),
): string {
  const parts = splitSealed(sealed);
  if (parts === null) {
    throw new Error("The sealed secret is not in the v1.<iv>.<ciphertext> format");
  }

  const decipher = createDecipheriv(CIPHER, key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "The sealed secret could not be opened: it was altered, sealed under another key " +
        "(SWITCHYARD_SECRET_KEY or the data folder's secret-key file), " +
        "or belongs to another workflow",
    );
  }
}

/**
 * The only part of a secret ever shown again: "…" and its last four characters, or "…" alone
 * when the secret is shorter than 12 characters and four would give away too much of it.
 *
 * @example
 * secretHint("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"); // "…LaSw"
 */
export function secretHint(plain: string): string {
  const characters = Array.from(plain);
  return characters.length < 12 ? "…" : `…${characters.slice(-4).join("")}`;
}

/**
 * Reads a 32-byte key written as base64, base64url or 64 hex characters; null for anything
 * else, so each caller can say where the bad value came from.
 */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!BASE64_KEY.test(trimmed)) return null;

  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : null;
}

/**
 * The sealing key of an installation: SWITCHYARD_SECRET_KEY when set, otherwise the
 * `secret-key` file in the data folder, created on first use. Losing the file loses every
 * sealed secret, so a damaged file is an error rather than a reason to make a new one.
 */
export function loadSecretKey(config: Pick<AppConfig, "secretKey" | "dataDir">): Buffer {
  if (config.secretKey !== undefined) {
    const key = parseSecretKey(config.secretKey);
    if (key === null) {
      throw new Error(
        "SWITCHYARD_SECRET_KEY must be 32 bytes written as base64, base64url or 64 hex " +
          "characters, e.g. the output of `openssl rand -base64 32`",
      );
    }
    return key;
  }

  const file = path.join(config.dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) createKeyFile(file);
  const key = parseSecretKey(readFileSync(file, "utf8"));
  if (key === null) {
    throw new Error(
      `${file} does not hold a 32-byte key. Restore it from a backup: ` +
        "secrets sealed with the original key cannot be opened without it.",
    );
  }
  return key;
}

function installationKey(): Buffer {
  cachedKey ??= loadSecretKey(getConfig());
  return cachedKey;
}

/**
 * Writes a new random key to `file` unless another process gets there first. The key goes to
 * a private draft file that is then hard-linked into place: the link appears complete or not
 * at all and fails if the file exists, so racing processes all end up reading one whole key.
 */
function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.${randomBytes(6).toString("hex")}.draft`;
  writeFileSync(draft, randomBytes(KEY_BYTES).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(draft, file);
  } catch (error) {
    if (!isFileExistsError(error)) throw error;
  } finally {
    unlinkSync(draft);
  }
}

function isFileExistsError(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

type SealedParts = { iv: Buffer; ciphertext: Buffer; tag: Buffer };

function splitSealed(sealed: string): SealedParts | null {
  const [version, ivText, payloadText, extra] = sealed.split(".");
  if (version !== FORMAT_VERSION || ivText === undefined || payloadText === undefined) return null;
  if (extra !== undefined) return null;

  const iv = decodeCanonicalBase64url(ivText);
  const payload = decodeCanonicalBase64url(payloadText);
  if (iv?.length !== IV_BYTES || payload === null || payload.length < TAG_BYTES) return null;

  const tagStart = payload.length - TAG_BYTES;
  return { iv, ciphertext: payload.subarray(0, tagStart), tag: payload.subarray(tagStart) };
}

/**
 * Decodes base64url only when the text is exactly what encoding the bytes gives back. Node's
 * decoder ignores stray characters and the spare bits of the last one, which would let an
 * edited value open as if it were untouched.
 */
function decodeCanonicalBase64url(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}
