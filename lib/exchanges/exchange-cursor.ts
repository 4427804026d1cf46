/** A keyset position in the log: the newest-first order is (createdAt desc, id desc). */
export type ExchangeCursor = { createdAt: Date; id: string };

export function encodeExchangeCursor(cursor: ExchangeCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** Null for anything that is not a cursor this code made. */
export function decodeExchangeCursor(text: string): ExchangeCursor | null {
  const [iso, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (!iso || !id) return null;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}
