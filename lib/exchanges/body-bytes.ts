import type { BodyEncoding } from "../http/captured-exchange";

/** One line of a hex dump: the offset, the bytes in hex, and the printable ASCII of each. */
export type HexRow = { offset: string; hex: string; ascii: string };

/** How many bytes one hex row shows. */
export const HEX_ROW_BYTES = 16;

/**
 * The bytes of a stored body: base64 decoded, text encoded as UTF-8. Works in the browser and
 * on the server alike.
 */
export function storedBodyBytes(body: string, encoding: BodyEncoding | null): Uint8Array {
  if (encoding !== "base64") return new TextEncoder().encode(body);
  try {
    return Uint8Array.from(atob(body), (character) => character.charCodeAt(0));
  } catch {
    // A stored body is valid base64 whenever it says so; anything else is shown as its text.
    return new TextEncoder().encode(body);
  }
}

/**
 * A hex dump of `bytes` from `start` for `count` bytes, 16 to a row, each byte outside
 * printable ASCII shown as a dot.
 *
 * @example
 * hexRows(new Uint8Array([0x48, 0x69, 0x00]), 0, 3);
 * // [{ offset: "00000000", hex: "48 69 00", ascii: "Hi." }]
 */
export function hexRows(bytes: Uint8Array, start: number, count: number): HexRow[] {
  const rows: HexRow[] = [];
  const end = Math.min(bytes.length, start + count);

  for (let rowStart = start; rowStart < end; rowStart += HEX_ROW_BYTES) {
    const row = bytes.subarray(rowStart, Math.min(end, rowStart + HEX_ROW_BYTES));
    rows.push({
      offset: rowStart.toString(16).padStart(8, "0"),
      hex: Array.from(row, (byte) => byte.toString(16).padStart(2, "0")).join(" "),
      ascii: Array.from(row, (byte) =>
        byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".",
      ).join(""),
    });
  }
  return rows;
}
