import { createHmac } from "node:crypto";

/** What one Standard Webhooks v1 signature covers. */
export type SignedContent = {
  messageId: string;
  timestampSeconds: number;
  body: string | Uint8Array;
};

/**
 * The raw HMAC-SHA256 of `<messageId>.<timestampSeconds>.<body>` under `key`, as the Standard
 * Webhooks spec defines the v1 scheme. A string body is hashed as its UTF-8 bytes, so callers
 * that have the bytes as received should pass those instead of a decoded or re-serialised
 * string.
 */
export function computeSignature(key: Uint8Array, content: SignedContent): Buffer {
  return createHmac("sha256", key)
    .update(`${content.messageId}.${content.timestampSeconds}.`)
    .update(content.body)
    .digest();
}
