export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" };

/**
 * Reads a request body while counting, and stops at `maxBytes` + 1: a sender cannot make us
 * buffer more than the limit by leaving out Content-Length or by lying in it.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const announced = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(announced) && announced > maxBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
