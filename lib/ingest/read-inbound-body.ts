export type InboundBody =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" | "timeout" | "aborted" };

/**
 * Reads a request body while counting, and stops at `maxBytes` + 1: a sender cannot make us
 * buffer more than the limit by leaving out Content-Length, lying in it, or sending chunks. A
 * sender that has not finished within `timeoutMs` is cut off, so a slow body cannot hold a
 * connection and its memory for long. Works on anything that yields byte chunks: a Node.js
 * request or a web `ReadableStream`.
 */
export async function readInboundBody(
  body: AsyncIterable<Uint8Array> | null,
  limits: { maxBytes: number; timeoutMs: number; declaredLength: string | undefined },
): Promise<InboundBody> {
  const declared = Number(limits.declaredLength ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    return { ok: false, reason: "too_large" };
  }
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };

  const iterator = body[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), limits.timeoutMs);
  });
  try {
    for (;;) {
      const next = iterator.next();
      const step = await Promise.race([next, timedOut]);
      if (step === "timeout") {
        // The pending read settles when the caller drops the connection; nobody waits for it.
        next.catch(() => undefined);
        return { ok: false, reason: "timeout" };
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > limits.maxBytes) return { ok: false, reason: "too_large" };
      chunks.push(step.value);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
}
