import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A new row id for rows written outside Prisma: the same alphabet and length as the cuid ids
 * Prisma gives the others (a "c", the time, a counter, random characters), unique across
 * processes by its random part.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(9, "0");
  const count = counter.toString(36).padStart(4, "0");
  const random = [...randomBytes(11)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${time}${count}${random}`;
}
